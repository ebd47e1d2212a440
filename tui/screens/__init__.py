"""Screens: each asks the content layer for data and hands it to its widgets."""
