"""The Gallery tab: every saved output of the history as a grid of tiles, filtered and sized."""
