"""The demo dry needling page, in the project's own words.

Every section of the reference article is here as its block type; the facts,
figures and named studies carry over, the wording does not. `{tag:NAME}` marks
a condition linked to a tag; the builder swaps in the tag's id.
"""

# The article names the journals, not the papers: so do we (no invented titles or years),
# and the links lead to each journal's own home page.
PAIN_MEDICINE = {
    "source": "",
    "journal": "Pain Medicine (Oxford Academic)",
    "year": None,
    "url": "https://academic.oup.com/painmedicine",
    "doi": "",
}
IJSPT = {
    "source": "",
    "journal": "International Journal of Sports Physical Therapy (IJSPT)",
    "year": None,
    "url": "https://ijspt.scholasticahq.com/",
    "doi": "",
}
JOSPT = {
    "source": "",
    "journal": "Journal of Orthopaedic & Sports Physical Therapy (JOSPT)",
    "year": None,
    "url": "https://www.jospt.org/",
    "doi": "",
}

TAGS = [
    "back pain",
    "neck pain",
    "shoulder pain",
    "sports injury",
    "posture",
    "tension headache",
    "tmj disorder",
    "plantar fasciitis",
    "post-surgery",
    "trigger points",
    "needle therapy",
]

PAGE = {
    "title": "Dry needling",
    "slug": "dry-needling",
    "summary": (
        "Fine, sterile needles placed into muscle knots to calm trigger points, "
        "restore circulation and ease stubborn back, neck and shoulder pain."
    ),
    "seo_title": "Dry needling for muscle pain and trigger points",
    "search_description": (
        "How dry needling relaxes trigger points, who it suits, what a session "
        "involves, how safe it is and how it differs from acupuncture."
    ),
    "tags": TAGS,
    "reviewer_name": "Dr. Amrit Sandhu",
    "reviewer_credentials": "PT, DPT, registered physiotherapist",
    "hero": ("Dry needling", (11, 95, 122), (214, 236, 242)),
}

BODY = [
    {
        "type": "section",
        "value": {
            "heading": "What is dry needling, and how does it work?",
            "body": (
                "<p>Think of it as a reset for an overworked muscle. A physiotherapist "
                "guides a very fine, single-use, sterile filament needle into a "
                "<b>trigger point</b>: a small knot where muscle fibres stay locked in "
                "contraction. A locked band squeezes its own blood supply, and the "
                "starved tissue becomes sore.</p>"
                "<p>Releasing the knot lets blood return, the muscle lets go and the "
                "pain settles. Acupuncture works from the idea of balancing the body's "
                "energy; dry needling is aimed squarely at the physical problem inside "
                "the muscle.</p>"
            ),
        },
    },
    {
        "type": "evidence",
        "value": {
            "claim": "Relief can begin in the first session",
            "summary": (
                "A study the Journal of Orthopaedic & Sports Physical Therapy published found "
                "that dry needling gave immediate relief of upper back and shoulder pain, "
                "including for people whose pain had resisted other care. Added to other "
                "physiotherapy, it also improved how freely patients could move."
            ),
            "citation": JOSPT,
        },
    },
    {
        "type": "benefits",
        "value": {
            "heading": "Six ways dry needling helps with pain and soreness",
            "intro": "The aim is not only less pain but getting back to the things you enjoy.",
            "items": [
                {
                    "title": "Relieves pain",
                    "description": (
                        "Backache, stiff shoulders and knotted muscles ease as tight spots "
                        "relax and local inflammation calms down."
                    ),
                    "icon": "pain-relief",
                },
                {
                    "title": "Speeds up recovery",
                    "description": (
                        "Athletes coming back from injury and patients after surgery often "
                        "report moving more easily within a few sessions."
                    ),
                    "icon": "recovery",
                },
                {
                    "title": "Improves flexibility",
                    "description": (
                        "Tension released where it starts gives back range of motion, so "
                        "joints and muscles move further with less effort."
                    ),
                    "icon": "flexibility",
                },
                {
                    "title": "Eases stress-related tension",
                    "description": (
                        "Desk days and everyday stress pile tightness into the neck, "
                        "shoulders and jaw; needling helps that build-up let go."
                    ),
                    "icon": "stress",
                },
                {
                    "title": "Prevents future injuries",
                    "description": (
                        "Balanced, healthy muscle is less likely to strain or tear in the "
                        "months ahead."
                    ),
                    "icon": "prevention",
                },
                {
                    "title": "Supports better posture",
                    "description": (
                        "When poor posture has left muscles short and sore, releasing them "
                        "makes sitting and standing tall feel natural again."
                    ),
                    "icon": "posture",
                },
            ],
        },
    },
    {
        "type": "conditions",
        "value": {
            "heading": "Who can benefit from dry needling?",
            "intro": "It suits a wide range of people and problems, including:",
            "items": [
                {
                    "name": "People living with chronic pain",
                    "description": "Deep knots behind long-standing back, neck or shoulder pain.",
                    "tag": "{tag:back pain}",
                },
                {
                    "name": "Athletes",
                    "description": "Faster recovery from strains, impingements and other sports injuries.",
                    "tag": "{tag:sports injury}",
                },
                {
                    "name": "Desk workers",
                    "description": "Tension from long hours of sitting and a slumped posture.",
                    "tag": "{tag:posture}",
                },
                {
                    "name": "Patients after surgery",
                    "description": "Less stiffness and scar-tissue tightness while mobility returns.",
                    "tag": "{tag:post-surgery}",
                },
                {
                    "name": "Tension-related conditions",
                    "description": "Tension headaches, TMJ (jaw joint) disorders and plantar fasciitis.",
                    "tag": "{tag:tension headache}",
                },
                {
                    "name": "Fitness enthusiasts",
                    "description": "Overuse injuries from running, lifting weights or yoga.",
                    "tag": "{tag:sports injury}",
                },
                {
                    "name": "Stress-induced muscle tightness",
                    "description": "Shoulders that creep up and a clenched jaw under stress.",
                    "tag": "{tag:tmj disorder}",
                },
                {
                    "name": "Limited range of motion",
                    "description": "Stiff joints and muscles that stop you moving freely.",
                    "tag": "",
                },
            ],
        },
    },
    {
        "type": "quote",
        "value": {
            "text": (
                "Many of our patients tell us they never noticed how much tension they "
                "were carrying until their first session, and that the relief changed "
                "their days. Helping make that difference is why we do this work."
            ),
            "attribution": "Our physiotherapy team",
            "attribute_to_clinic": True,
        },
    },
    {
        "type": "steps",
        "value": {
            "heading": "What happens in a dry needling session",
            "intro": "A little nervous? Here is the whole visit, step by step.",
            "items": [
                {
                    "title": "Assessment",
                    "description": (
                        "Your physiotherapist examines where and how it hurts and builds a "
                        "plan around you."
                    ),
                },
                {
                    "title": "Treatment",
                    "description": (
                        "Needles go into the trigger points. A brief twitch or dull ache is "
                        "common and means the muscle is responding."
                    ),
                },
                {
                    "title": "Aftercare",
                    "description": (
                        "Rest and drink plenty of water. Skip hard exercise for 24–48 hours "
                        "so the muscles can recover completely."
                    ),
                },
            ],
            "outro": (
                "It usually hurts less than people expect: most describe the feeling as "
                "odd rather than painful."
            ),
        },
    },
    {
        "type": "safety",
        "value": {
            "heading": "Is dry needling safe?",
            "intro": (
                "Feeling uneasy about needles is completely normal. Here is what the "
                "research says you can expect."
            ),
            "side_effects_heading": "Common side effects are minor",
            "side_effects_text": (
                "Mild soreness or a small bruise is the usual after-effect, and both tend "
                "to clear within a day or two without any treatment."
            ),
            "side_effects": [
                {"name": "Minor bleeding", "incidence": "16"},
                {"name": "Bruising", "incidence": "7.7"},
                {"name": "Discomfort during treatment", "incidence": "5.9"},
            ],
            "side_effects_source": PAIN_MEDICINE,
            "serious_risks_heading": "Serious risks are extremely rare",
            "serious_risks": (
                "Nausea or a headache can occasionally follow a session, but the odds are "
                "small when a qualified professional treats you. Serious complications are "
                "very uncommon when needling is done carefully and precisely."
            ),
            "serious_risks_source": IJSPT,
            "guidance": [
                {
                    "title": "Expertise matters",
                    "text": (
                        "A trained physiotherapist uses proper technique and tailors the "
                        "treatment to you: no two bodies need exactly the same care."
                    ),
                },
                {
                    "title": "Talk to your doctor or physiotherapist",
                    "text": (
                        "Unsure? Share your worries first. Your physiotherapist will answer "
                        "questions, walk you through the process and make sure you are "
                        "comfortable throughout."
                    ),
                },
            ],
        },
    },
    {
        "type": "comparison",
        "value": {
            "heading": "Dry needling and acupuncture: what is the difference?",
            "intro": "Both use fine needles, but they start from different ideas and aim at different things.",
            "left_label": "Dry needling",
            "right_label": "Acupuncture",
            "rows": [
                {
                    "aspect": "Roots",
                    "left": "Western anatomy and musculoskeletal physiotherapy.",
                    "right": "Traditional Chinese medicine.",
                },
                {
                    "aspect": "Purpose",
                    "left": "Calm trigger points in muscle so tension and pain ease.",
                    "right": "Balance the flow of energy (Qi) through the body.",
                },
                {
                    "aspect": "Where needles go",
                    "left": "Into the knots found during your assessment.",
                    "right": "Into set points along the body's meridians.",
                },
                {
                    "aspect": "Typical focus",
                    "left": "Muscle and joint problems.",
                    "right": "Broader health concerns beyond muscle pain.",
                },
            ],
        },
    },
    {
        "type": "faq",
        "value": {
            "heading": "Questions patients ask",
            "items": [
                {
                    "question": "How is dry needling different from acupuncture?",
                    "answer": (
                        "<p>Dry needling treats trigger points in muscle to relieve tension "
                        "and pain. Acupuncture comes from traditional Chinese medicine and "
                        "stimulates points along the body to balance the flow of energy "
                        "(Qi), often for concerns beyond muscle pain.</p>"
                    ),
                },
                {
                    "question": "Does needle therapy work for back pain?",
                    "answer": (
                        "<p>Yes, when the pain comes from muscle tension, trigger points or "
                        "postural imbalance. It works at the source, relaxing tight muscle "
                        "and improving blood flow, and studies support it for both recent "
                        "and long-standing back pain, especially alongside exercise-based "
                        "physiotherapy.</p>"
                    ),
                },
                {
                    "question": "Can I take a muscle relaxant after dry needling?",
                    "answer": (
                        "<p>If your doctor has prescribed one, you can, but most people do "
                        "not need it: the needling itself releases the muscle. For any "
                        "soreness, rest, water and gentle stretching usually do the job. "
                        "Check with your physiotherapist before combining treatments.</p>"
                    ),
                },
                {
                    "question": "How long should I rest afterwards?",
                    "answer": (
                        "<p>Give your muscles 24–48 hours to recover and adapt. Leave out "
                        "heavy lifting and hard workouts for that time; walking and gentle "
                        "stretching are fine and can ease soreness.</p>"
                    ),
                },
                {
                    "question": "Is dry needling painful?",
                    "answer": (
                        "<p>Usually not. You may feel a quick twitch or a dull ache as the "
                        "needle reaches a trigger point, which shows the treatment is "
                        "working. Any soreness afterwards is short-lived and normally gone "
                        "within a day or two.</p>"
                    ),
                },
            ],
        },
    },
    {
        "type": "cta",
        "value": {
            "heading": "Take the first step towards less pain",
            "text": (
                "Pain should not set the limits of your day. Our physiotherapists offer "
                "dry needling planned around you: book a consultation and let's get you "
                "moving again."
            ),
            "action": "book",
            "page": None,
            "url": "",
            "button_label": "Book your consultation",
        },
    },
]
