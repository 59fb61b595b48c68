"""The image sizes the API offers, by name; front ends choose from these (docs/api.md)."""

RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
    "social": "fill-1200x630",
}
