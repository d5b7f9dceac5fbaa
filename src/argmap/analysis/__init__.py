"""Analysis of a finished map: reasoning checks, argument schemes, rating evaluation."""
