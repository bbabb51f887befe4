"""The queue: the table of runs, its view with filters and actions, the sidebar of state groups."""
