"""The classroom: exercises, comparing a student's map with a reference, grading."""
