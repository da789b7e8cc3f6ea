"""Activations of this family."""

__all__ = []
