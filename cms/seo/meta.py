"""What a page says about itself in <head>: title tag, description, canonical, robots, share image.

The HTML head (templatetags/seo_tags.py) and the API (`seo_fields_for`) read
the same PageMeta, so a front end gets exactly what the HTML carries.
"""

from dataclasses import asdict, dataclass, field

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError

from home.serving import served_site
from treatments.renditions import RENDITIONS, absolute_url

from .canonical import canonical_url

INDEX = "index, follow"
NOINDEX = "noindex, follow"  # the page stays out of results; its links still count
PRIVATE = "noindex, nofollow"  # previews and pages behind a view restriction


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    robots: str = INDEX
    site_name: str = ""
    og_type: str = "website"
    image: ShareImage | None = None
    jsonld: list = field(default_factory=list)

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"

    def as_dict(self):
        data = asdict(self)
        data.pop("jsonld")
        data["twitter_card"] = self.twitter_card
        return data


def title_tag(title, site_name):
    """The page's own title, followed by the site name unless it already names it."""
    if not site_name or site_name.lower() in title.lower():
        return title
    return f"{title} | {site_name}"


def page_title_tag(page, site_name):
    """An editor's seo_title is the whole title tag; otherwise "title | site name"."""
    return page.seo_title or title_tag(page.title, site_name)


def share_image(image, site):
    """The social rendition (1200x630 JPEG) of an image, or None when the file is missing.

    Its URL is absolute on the serving site (`site.root_url`): crawlers fetch it from there.
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(RENDITIONS["social"])
    except SourceImageIOError:
        return None
    return ShareImage(
        url=absolute_url(rendition.url, site.root_url) if site else rendition.full_url,
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text,
    )


# The share image of pages without one of their own (homes, indexes, search): the brand's
# landscape (home/art.py), drawn once into cms/static/img/share.jpg.
DEFAULT_SHARE_IMAGE = (
    "img/share.jpg",
    1200,
    630,
    "Illustration of the foothills under a summer sun",
)
DESCRIPTION_LENGTH = 160


def default_share_image(site):
    path, width, height, alt = DEFAULT_SHARE_IMAGE
    root = site.root_url if site else ""
    return ShareImage(url=f"{root}{static(path)}", width=width, height=height, alt=alt)


def description_text(text, length=DESCRIPTION_LENGTH):
    """Plain text (rich text stripped) cut at a word to fit a meta description."""
    text = " ".join(strip_tags(text or "").split())
    return Truncator(text).chars(length, truncate="…")


def page_description(page, site_name):
    """The editor's meta description, else the page's own content (a treatment's summary,
    an index's intro), else a sentence generated for its type (SeoMixin)."""
    if page.search_description:
        return page.search_description
    if not hasattr(page, "content_description"):
        return ""
    text = description_text(page.content_description())
    return text or description_text(page.generated_description(site_name))


def has_own_description(page):
    """Whether an editor or the page's content gives the description (the audit's check)."""
    return bool(page.search_description.strip()) or bool(
        hasattr(page, "content_description") and description_text(page.content_description())
    )


def page_robots(page, request=None, check_privacy=True):
    if getattr(request, "is_preview", False):
        return PRIVATE
    if check_privacy and page.pk and page.get_view_restrictions().exists():
        return PRIVATE
    return NOINDEX if getattr(page, "noindex", False) else INDEX


def page_meta(page, request=None, check_privacy=True):
    """PageMeta for a page as served on the request's site."""
    site = served_site(request) if request is not None else page.get_site()
    site_name = site.site_name if site else ""
    image = getattr(page, "og_image", None) or getattr(page, "hero_image", None)
    return PageMeta(
        title=page_title_tag(page, site_name),
        description=page_description(page, site_name),
        canonical=canonical_url(page, request),
        robots=page_robots(page, request, check_privacy),
        site_name=site_name,
        image=share_image(image, site) or default_share_image(site),
    )


def seo_fields_for(page, request):
    """The SEO fields of a page for the API, the same values its HTML head carries.

    Privacy is not checked here: the API never serves a private page.
    """
    return page_meta(page, request, check_privacy=False).as_dict()
