"""The city staff's admin: pages at /admin, JSON at /api/admin (see docs/admin/)."""
