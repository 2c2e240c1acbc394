"""Offers in the window: the offer form (``form``), several offers side by side
(``comparison``), the first day's closing of the other applications (``first_day``), and
the flow that loads and saves them (``flow``)."""
