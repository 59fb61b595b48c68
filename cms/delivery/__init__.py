"""Content delivery: response caching with exact invalidation, CDN purge, webhooks, preview."""
