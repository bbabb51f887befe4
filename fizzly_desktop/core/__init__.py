"""Product logic without Qt: runs, the engine, history, profiles and keys, workflows, schemas."""
