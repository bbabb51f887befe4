"""Showing what runs produce: output items, thumbnails, the outputs strip and the image viewer."""
