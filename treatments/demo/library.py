"""The rest of the demo treatment library: invented content, written for this project."""

from . import dry_needling


def _section(heading, *paragraphs):
    return {
        "type": "section",
        "value": {"heading": heading, "body": "".join(f"<p>{p}</p>" for p in paragraphs)},
    }


def _cta(heading, text, label="Book an appointment"):
    return {
        "type": "cta",
        "value": {
            "heading": heading,
            "text": text,
            "action": "book",
            "page": None,
            "url": "",
            "button_label": label,
        },
    }


MASSAGE = {
    "title": "Massage therapy",
    "slug": "massage-therapy",
    "summary": (
        "Hands-on therapeutic massage from registered massage therapists to loosen "
        "tight muscles, calm the nervous system and support your rehab plan."
    ),
    "seo_title": "Registered massage therapy in Calgary",
    "search_description": (
        "Therapeutic, deep tissue and sports massage from registered massage therapists, "
        "with direct billing and a plan that fits your physiotherapy."
    ),
    "tags": ["massage", "back pain", "neck pain", "stress", "sports injury"],
    "reviewer_name": "Jordan Whitehorse",
    "reviewer_credentials": "RMT",
    "hero": ("Massage therapy", (122, 74, 40), (246, 232, 220)),
    "body": [
        _section(
            "Massage as part of your recovery",
            "Our registered massage therapists work alongside the physiotherapy team, so "
            "your massage follows the same plan as the rest of your care.",
            "Sessions range from relaxing Swedish strokes to focused deep tissue work on "
            "the muscles that keep you sore.",
        ),
        {
            "type": "benefits",
            "value": {
                "heading": "What a massage session can do",
                "intro": "",
                "items": [
                    {
                        "title": "Looser muscles",
                        "description": "Kneading and stretching ease knots that limit movement.",
                        "icon": "flexibility",
                    },
                    {
                        "title": "Better sleep",
                        "description": "A calmer nervous system often means deeper rest.",
                        "icon": "sleep",
                    },
                    {
                        "title": "Less stress",
                        "description": "Slow, steady pressure helps the whole body unwind.",
                        "icon": "stress",
                    },
                ],
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Massage questions",
                "items": [
                    {
                        "question": "Is massage therapy covered by my benefits?",
                        "answer": "<p>Most extended health plans cover registered massage "
                        "therapy; we bill many insurers directly.</p>",
                    },
                    {
                        "question": "How firm is a deep tissue massage?",
                        "answer": "<p>Firm, but never more than you agree to: tell your "
                        "therapist at any time and they will adjust.</p>",
                    },
                ],
            },
        },
        _cta("Book a massage", "Choose a time that suits you at your nearest clinic."),
    ],
}

SHOCKWAVE = {
    "title": "Shockwave therapy",
    "slug": "shockwave-therapy",
    "summary": (
        "Acoustic pressure waves that restart healing in stubborn tendon problems such "
        "as plantar fasciitis, tennis elbow and Achilles pain."
    ),
    "seo_title": "Shockwave therapy for tendon pain",
    "search_description": (
        "Radial shockwave therapy for plantar fasciitis, tennis elbow and other "
        "long-lasting tendon pain: how it works and what to expect."
    ),
    "tags": ["plantar fasciitis", "tendinopathy", "sports injury"],
    "reviewer_name": "Dr. Amrit Sandhu",
    "reviewer_credentials": "PT, DPT, registered physiotherapist",
    "hero": ("Shockwave therapy", (70, 60, 140), (230, 228, 246)),
    "body": [
        _section(
            "How shockwave therapy works",
            "A handheld applicator sends short bursts of acoustic energy into the tendon. "
            "The stimulus increases local blood flow and prompts the body to repair tissue "
            "that has stopped healing on its own.",
        ),
        {
            "type": "steps",
            "value": {
                "heading": "A typical course",
                "intro": "",
                "items": [
                    {
                        "title": "Assessment",
                        "description": "We confirm the tendon is the source of pain.",
                    },
                    {"title": "Three to five sessions", "description": "One short session a week."},
                    {
                        "title": "Loading exercises",
                        "description": "A home program rebuilds tendon strength.",
                    },
                ],
                "outro": "",
            },
        },
        _cta("Ask about shockwave", "Find out whether your tendon pain is a good fit."),
    ],
}

VESTIBULAR = {
    "title": "Vestibular rehabilitation",
    "slug": "vestibular-rehabilitation",
    "summary": (
        "Exercise-based therapy for dizziness, vertigo and balance problems caused by "
        "the inner ear or a concussion."
    ),
    "seo_title": "Vestibular rehabilitation for dizziness and vertigo",
    "search_description": (
        "Assessment and treatment of vertigo, dizziness and balance problems, including "
        "BPPV repositioning and concussion rehab."
    ),
    "tags": ["vertigo", "concussion", "balance"],
    "reviewer_name": "Marie Tremblay",
    "reviewer_credentials": "PT, vestibular certified",
    "hero": ("Vestibular rehabilitation", (30, 110, 70), (222, 242, 230)),
    "body": [
        _section(
            "Dizziness that can be treated",
            "Many causes of vertigo respond well to targeted exercises and simple "
            "repositioning manoeuvres done by a trained physiotherapist.",
        ),
        {
            "type": "conditions",
            "value": {
                "heading": "Who we see",
                "intro": "",
                "items": [
                    {
                        "name": "BPPV",
                        "description": "Brief spinning when you roll over or look up.",
                        "tag": "{tag:vertigo}",
                    },
                    {
                        "name": "Concussion",
                        "description": "Dizziness and fogginess after a head injury.",
                        "tag": "{tag:concussion}",
                    },
                    {
                        "name": "Unsteadiness",
                        "description": "Feeling off balance when walking.",
                        "tag": "{tag:balance}",
                    },
                ],
            },
        },
        _cta(
            "Book a vestibular assessment", "Start with a full assessment of your balance system."
        ),
    ],
}

DRY_NEEDLING = {**dry_needling.PAGE, "body": dry_needling.BODY}

TREATMENTS = [DRY_NEEDLING, MASSAGE, SHOCKWAVE, VESTIBULAR]

# Which clinic carries which treatment (by slug). Clinics differ on purpose.
OFFERINGS = {
    "northeast": [
        "dry-needling",
        "massage-therapy",
        "shockwave-therapy",
        "vestibular-rehabilitation",
    ],
    "downtown": ["dry-needling", "massage-therapy"],
    "south": ["massage-therapy", "shockwave-therapy", "vestibular-rehabilitation"],
}
