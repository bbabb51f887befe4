#!/bin/sh
# Install Fizzly Desktop from this unpacked folder, for you alone (default) or for everyone.
#
#   ./install.sh              copies the app to ~/.local/opt/fizzly-desktop, adds
#                             ~/.local/bin/fizzly-desktop, the menu entry and the icons
#   sudo ./install.sh --system   the same under /opt and /usr/local
#   ./install.sh --uninstall  (or --system --uninstall) removes what was installed
set -eu

APP_ID=ai.fizzly.Desktop
HERE=$(cd "$(dirname "$0")" && pwd)
SCOPE=user
ACTION=install
for arg in "$@"; do
  case "$arg" in
    --system) SCOPE=system ;;
    --uninstall) ACTION=uninstall ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$SCOPE" = system ]; then
  APP_HOME=/opt/fizzly-desktop; BIN=/usr/local/bin; SHARE=/usr/local/share
else
  APP_HOME="$HOME/.local/opt/fizzly-desktop"; BIN="$HOME/.local/bin"
  SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "$ACTION" = uninstall ]; then
  rm -rf "$APP_HOME"
  rm -f "$BIN/fizzly-desktop" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
  find "$SHARE/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  refresh_caches
  echo "Fizzly Desktop removed. Your keys stay in your keyring and your history in your data folder."
  exit 0
fi

if [ "$HERE" != "$APP_HOME" ]; then
  rm -rf "$APP_HOME"
  mkdir -p "$(dirname "$APP_HOME")"
  cp -a "$HERE" "$APP_HOME"
fi
mkdir -p "$BIN" "$SHARE/applications" "$SHARE/metainfo"
ln -sf "$APP_HOME/fizzly-desktop" "$BIN/fizzly-desktop"
# The menu entry starts the app by its full path, so it works even when $BIN is not on PATH.
sed "s|^Exec=fizzly-desktop|Exec=$APP_HOME/fizzly-desktop|" \
  "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -r "$HERE/share/icons" "$SHARE/"
refresh_caches
echo "Fizzly Desktop is installed: find it in your applications menu, or run $BIN/fizzly-desktop"
