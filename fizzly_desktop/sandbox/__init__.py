"""A local server speaking the Workflows API, independent of the client side of this package."""
