"""Catalogue entries of this family."""

ENTRIES = ()
