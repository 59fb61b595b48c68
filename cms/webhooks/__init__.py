"""Publish webhooks: signed JSON POSTs to clinic front ends when their pages change."""
