"""The Insights page: what the user's own record says about their search, in charts
(``domain.insights`` defines each measure; ``store.insights`` reads the rows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from followthrough.domain.insights import Insights, Rate, ReplyTimes
from followthrough.ui.common.locale_words import day_month_text, number_text
from followthrough.ui.common.page import DataPage, page_header
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import EmptyState
from followthrough.ui.insights.charts import Bar, BarChart, ChartCard, Series, WeekChart


def percent_text(share: float) -> str:
    return QCoreApplication.translate("insights", "{percent}%").format(
        percent=number_text(round(share * 100))
    )


def days_text(days: float) -> str:
    """A median wait in days, as a number (the axis names the unit): "3", "2.5"."""
    return number_text(int(days)) if days == int(days) else QLocale().toString(days, "f", 1)


def source_label(source: str) -> str:
    return source or QCoreApplication.translate("insights", "No source given")


def rate_bars(overall: Rate, by_source: list[Rate]) -> list[Bar]:
    def bar(label: str, rate: Rate, role: ColourRole) -> Bar:
        text = QCoreApplication.translate("insights", "{percent} · {replied} of {total}").format(
            percent=percent_text(rate.share),
            replied=number_text(rate.replied),
            total=number_text(rate.total),
        )
        return Bar(label, rate.share * 100, text, role)

    if not overall.replied:
        return []
    bars = [
        bar(QCoreApplication.translate("insights", "All applications"), overall, ColourRole.ACCENT)
    ]
    bars += [bar(source_label(r.key), r, ColourRole.INTERVIEW) for r in by_source]
    return bars


def time_bars(times: ReplyTimes, label: Callable[[str], str] = str) -> list[Bar]:
    """The median wait per company or source (``label`` names the key)."""
    bars = []
    for row in times.rows:
        # n: how many replies the median is taken over (no counted noun: no plural forms).
        text = QCoreApplication.translate("insights", "{days} (n = {count})").format(
            days=days_text(row.median_days), count=number_text(row.count)
        )
        bars.append(Bar(label(row.key), row.median_days, text))
    return bars


def count_bar(label: str, count: int, whole: int, role: ColourRole) -> Bar:
    text = QCoreApplication.translate("insights", "{count} ({percent})").format(
        count=number_text(count), percent=percent_text(count / whole if whole else 0)
    )
    return Bar(label, count, text, role)


class InsightsPage(DataPage):
    """Five charts over the whole record, loaded when the page is first shown."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        empty = EmptyState(
            self.tr("No insights yet"),
            self.tr(
                "Once you add applications, this page shows how often employers reply, how "
                "long they take, how far your applications get, how many follow-ups are "
                "answered and how busy each week was."
            ),
        )
        super().__init__(empty, parent)
        self._today = today  # for the charts' file names: the day on the user's clock
        outer = QVBoxLayout()
        head, _unused = page_header(self.tr("Insights"))
        outer.addLayout(head)
        self.definition = QLabel(
            self.tr(
                "A reply is an interview, an answered follow-up, or a decision from them. "
                "Four to six weeks to hear back is common, so recent applications may still "
                "get one."
            )
        )
        self.definition.setWordWrap(True)
        self.definition.setTextFormat(Qt.TextFormat.PlainText)
        colour_text(self.definition, ColourRole.MUTED)
        outer.addWidget(self.definition)
        self.cards = self._build_cards()
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, card in enumerate(self.cards):
            grid.addWidget(card, index // 2, index % 2)
        grid.setRowStretch(len(self.cards) // 2 + 1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("insightsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_widget)
        outer.addWidget(scroll, 1)
        self.content.setLayout(outer)

    def _build_cards(self) -> list[ChartCard]:
        self.rates = BarChart(
            self.tr("Replies by source"),
            self.tr(
                "When an employer answers (an interview, an answered follow-up or a decision "
                "from them), the share of applications with a reply appears here, overall "
                "and by where you found each job."
            ),
            self.tr("Source"),
            self.tr("Applications with a reply (%)"),
        )
        self.funnel = BarChart(
            self.tr("How far applications got"),
            self.tr("Each application appears here at the furthest stage it reached."),
            self.tr("Stage reached"),
            self.tr("Applications"),
        )
        self.by_company = BarChart(
            self.tr("Days to a first reply, by company"),
            self.tr(
                "When an application with an applied-on day gets a reply, the usual wait "
                "(the median days) appears here for each company."
            ),
            self.tr("Company"),
            self.tr("Median days from applying to the first reply (n: replies)"),
        )
        self.by_source = BarChart(
            self.tr("Days to a first reply, by source"),
            self.tr(
                "When an application with an applied-on day gets a reply, the usual wait "
                "appears here for each place you found jobs."
            ),
            self.tr("Source"),
            self.tr("Median days from applying to the first reply (n: replies)"),
        )
        self.follow_ups = BarChart(
            self.tr("Follow-ups answered"),
            self.tr(
                "When you log a follow-up (a call, an email, a message), how many were "
                "answered and how many were not appears here."
            ),
            self.tr("Follow-ups"),
            self.tr("Follow-ups logged"),
        )
        self.weeks = WeekChart(
            self.tr("Activity per week"),
            self.tr(
                "Applications you send, interviews and follow-ups appear here week by week, "
                "for the last twelve weeks."
            ),
            self.tr("Week starting"),
            self.tr("How many"),
        )
        charts = (
            self.rates,
            self.funnel,
            self.by_company,
            self.by_source,
            self.follow_ups,
            self.weeks,
        )
        return [ChartCard(chart, self._today) for chart in charts]

    def set_data(self, applications: int, data: Insights) -> None:
        self.show_content(applications > 0)
        self.rates.set_bars(rate_bars(data.overall, data.by_source), top=100)
        whole = data.funnel[0][1] if data.funnel else 0
        self.funnel.set_bars(
            [
                count_bar(
                    QCoreApplication.translate("stages", stage.label),
                    count,
                    whole,
                    ColourRole.INTERVIEW,
                )
                for stage, count in data.funnel
            ]
            if whole
            else []
        )
        self._set_times(data.times_by_company, data.times_by_source)
        split = data.follow_ups
        self.follow_ups.set_bars(
            [
                count_bar(self.tr("Answered"), split.answered, split.total, ColourRole.ANSWERED),
                count_bar(
                    self.tr("Not answered"), split.unanswered, split.total, ColourRole.UNANSWERED
                ),
            ]
            if split.total
            else []
        )
        self.weeks.set_weeks(
            [day_month_text(w.first_day) for w in data.weeks],
            [
                Series(
                    self.tr("Applications sent"),
                    [w.applications for w in data.weeks],
                    ColourRole.DECISION,
                ),
                Series(
                    self.tr("Interviews"), [w.interviews for w in data.weeks], ColourRole.INTERVIEW
                ),
                Series(
                    self.tr("Follow-ups"), [w.follow_ups for w in data.weeks], ColourRole.FOLLOW_UP
                ),
            ],
        )
        for card in self.cards:
            card.refresh()

    def _set_times(self, by_company: ReplyTimes, by_source: ReplyTimes) -> None:
        for chart, times, axis, label in (
            (self.by_company, by_company, self.tr("Company"), str),
            (self.by_source, by_source, self.tr("Source"), source_label),
        ):
            if times.groups > len(times.rows):
                axis = self.tr("{axis}: the {shown} with the most replies, of {all}").format(
                    axis=axis, shown=number_text(len(times.rows)), all=number_text(times.groups)
                )
            chart.category_axis = axis
            chart.set_bars(time_bars(times, label))
