"""The Qt layer: windows, dialogs, widgets, Qt models, and the bridge from core events."""
