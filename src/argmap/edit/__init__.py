"""Editing a map: pure operations that return a new map, undo/redo history, grid (table) edits."""
