"""Focus lighting tests."""
