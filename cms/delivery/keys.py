"""The dependency keys of the response cache: every key string is built here, and only here.

A key names something responses show; a view records the keys of what it
rendered (`dependencies.depend_on`), a change bumps the keys it touches
(`dependencies.bump`), and the same names go out as surrogate keys
(`surrogate_keys.tag`, `surrogate_keys.purge`) and index the CDN's URLs
(`purge.py`). docs/caching.md says who records and who bumps each:

    page:<id>       a page's own content (aliases have their own id)
    children:<id>   the list of a page's live children
    clinic:<id>     a clinic's facts (name, phone, booking link, hours)
    clinics         the set of live clinics (brand directory)
    offering:<id>   which clinics carry a library treatment (by its original's id)
    tag:<id>        a tag's name, slug or description
    tagged:<id>     which pages carry a tag (tag landing pages)
    tags            the tag list with usage counts
    image:<id>      an image and its renditions
    images          the image list
    document:<id>   a document
    documents       the document list
    site:<id>       anything in a site's tree (API listings, sitemaps)
    sites           the Site table itself (every response depends on it)

Build keys with these functions (and the plural forms for many ids), never by
hand, so a renamed or new key changes in one place.
"""

SITES = "sites"
CLINICS = "clinics"
TAGS = "tags"
IMAGES = "images"
DOCUMENTS = "documents"


def _key(kind, object_id):
    return f"{kind}:{object_id}"


def page_key(page_id):
    return _key("page", page_id)


def children_key(parent_id):
    return _key("children", parent_id)


def clinic_key(clinic_id):
    return _key("clinic", clinic_id)


def offering_key(original_id):
    return _key("offering", original_id)


def tag_key(tag_id):
    return _key("tag", tag_id)


def tagged_key(tag_id):
    return _key("tagged", tag_id)


def image_key(image_id):
    return _key("image", image_id)


def document_key(document_id):
    return _key("document", document_id)


def site_key(site_id):
    return _key("site", site_id)


def page_keys(page_ids):
    return {page_key(page_id) for page_id in page_ids}


def offering_keys(original_ids):
    return {offering_key(original_id) for original_id in original_ids}


def image_keys(image_ids):
    return {image_key(image_id) for image_id in image_ids}


def document_keys(document_ids):
    return {document_key(document_id) for document_id in document_ids}


def tag_keys(tag_ids):
    return {tag_key(tag_id) for tag_id in tag_ids}


def clinic_keys(clinic_ids):
    return {clinic_key(clinic_id) for clinic_id in clinic_ids}


def site_keys(site_ids):
    return {site_key(site_id) for site_id in site_ids}
