"""The push to the user's calendar server (CalDAV): what was sent (``record``), the events
now (``events``), the server (``server``, the ``caldav`` library), the password
(``password``, the system keyring) and one push (``push``).

Only ``record`` is light: the others bring the iCalendar, CalDAV and keyring libraries
and run in the app's own command (``followthrough calendar-push``), never in the window.
"""
