"""Protecting client data: the tamper-evident audit chain (owner-only files live in pipelines.ops)."""
