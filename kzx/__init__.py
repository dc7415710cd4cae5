"""kzx: extract court outcomes, money, dates and people from scraped human-rights reports."""

__version__ = "0.1.0"
