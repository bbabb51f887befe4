"""The window's frame: the main window with its menus and sidebar, the status bar, the About box."""
