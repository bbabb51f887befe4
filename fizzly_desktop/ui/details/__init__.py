"""The run details panel: a selected run's progress, node timeline, outputs, inputs and error."""
