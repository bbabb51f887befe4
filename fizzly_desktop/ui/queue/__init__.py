"""The queue: the table of runs, its view with filters and actions, the sidebar of state groups.

Import from the modules themselves: the sidebar's state groups are part of the window's
skeleton, while the run table (``run_table``) is made after the first paint.
"""
