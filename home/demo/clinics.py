"""Demo facts for the brand and its Calgary clinics. Invented; any likeness is chance.

Phone numbers use the 555-01XX range, which is reserved for fiction.
"""

from datetime import time

BRAND = {
    "title": "Bowview Physiotherapy",
    "slug": "home",
    "intro": (
        "<p>Physiotherapy, massage and movement care across Calgary. Every clinic "
        "follows the same clinically reviewed treatment library, so you get the same "
        "standard of care wherever you book.</p>"
    ),
}

WEEKDAYS = (0, 1, 2, 3, 4)


def _hours(weekday, saturday=None, sunday=None):
    rows = [{"day": day, "opens": weekday[0], "closes": weekday[1]} for day in WEEKDAYS]
    for day, hours in ((5, saturday), (6, sunday)):
        if hours:
            rows.append({"day": day, "opens": hours[0], "closes": hours[1]})
        else:
            rows.append({"day": day, "closed": True})
    return rows


CLINICS = [
    {
        "title": "Bowview Physiotherapy Northeast",
        "slug": "northeast",
        "street_address": "2815 Sunridge Way NE, Unit 140",
        "city": "Calgary",
        "province": "AB",
        "postal_code": "T1Y 7K7",
        "latitude": "51.074310",
        "longitude": "-113.986740",
        "phone": "+14035550142",
        "email": "northeast@bowview-physio.example",
        "booking_url": "https://book.bowview-physio.example/northeast",
        "hours": _hours((time(7, 0), time(20, 0)), saturday=(time(9, 0), time(15, 0))),
    },
    {
        "title": "Bowview Physiotherapy Downtown",
        "slug": "downtown",
        "street_address": "605 8 Avenue SW, Suite 210",
        "city": "Calgary",
        "province": "AB",
        "postal_code": "T2P 1H4",
        "latitude": "51.045820",
        "longitude": "-114.071930",
        "phone": "+14035550178",
        "email": "downtown@bowview-physio.example",
        "booking_url": "https://book.bowview-physio.example/downtown",
        "hours": _hours((time(6, 30), time(19, 0))),
    },
    {
        "title": "Bowview Physiotherapy South",
        "slug": "south",
        "street_address": "150 Shawville Boulevard SE, Unit 305",
        "city": "Calgary",
        "province": "AB",
        "postal_code": "T2Y 3S4",
        "latitude": "50.916240",
        "longitude": "-114.065710",
        "phone": "+14035550119",
        "email": "south@bowview-physio.example",
        "booking_url": "https://book.bowview-physio.example/south",
        "hours": _hours(
            (time(8, 0), time(18, 0)),
            saturday=(time(9, 0), time(14, 0)),
            sunday=(time(10, 0), time(14, 0)),
        ),
    },
]
