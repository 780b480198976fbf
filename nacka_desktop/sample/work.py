"""The sample's distributions of work-environment tasks (DOMAIN.md §3), through the services.

Down the whole line, KS → stadsdirektör → direktörer → enhetschefer, rektorer,
verksamhetschefer → gruppchefer, biträdande chefer and staff, with one distribution in each
state a user meets: draft, signed but not yet communicated (AM-3), in force, partly and wholly
returned (AM-4), lapsed (the receiver left), ended, and one whose yearly follow-up is overdue
(AM-8).

Each distribution starts a week after the one it passes tasks on from (or a few days after the
receiver took up the post), and ends when the giver or receiver left the post: the successions,
the vacancy and the acting manager of the organisation all show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.work_environment import add_months
from nacka_desktop.sample.data import Organisation, ReturnSpec, Work
from nacka_desktop.sample.organisation import BuiltOrganisation
from nacka_desktop.services.context import Services
from nacka_desktop.services.work_environment import ALL_CONFIRMED, Confirmation, DistributionDraft

_FIRST_DAY = date.min  # signed or communicated on the distribution's first day


class MissingTasksError(RuntimeError):
    pass


class WorkBuilder:
    def __init__(
        self,
        services: Services,
        data: Work,
        organisation: Organisation,
        built: BuiltOrganisation,
        today: date,
    ) -> None:
        self.services = services
        self.data = data
        self.organisation = organisation
        self.built = built
        self.today = today
        self.start = built.start
        self.rng = random.Random(organisation.seed + 1)
        self.distributions: list[int] = []
        self.given: dict[int, tuple[AppointmentRecord, tuple[str, ...]]] = {}
        self.started: dict[int, date] = {}  # receiver appointment → its distribution's start
        # Distribution → its latest yearly follow-up, recorded once every return is in.
        self.followed_up: dict[int, date | None] = {}
        tasks = {task.code: task.id for task in services.tasks.list(include_inactive=True)}
        missing = [code for code in data.tasks if code not in tasks]
        if missing:
            raise MissingTasksError(
                f"Arbetsmiljöuppgifterna {', '.join(missing)} saknas i databasen; "
                "exempelorganisationen kräver standardkatalogen."
            )
        self.tasks = tasks

    def build(self) -> list[int]:
        today, every_task = self.today, self.data.tasks
        self._give(
            None,
            self._leaders("SLK")[0],
            ["SLK"],
            every_task,
            self.start + timedelta(days=14),
            signed_on=self.start + timedelta(days=10),
            may_pass_on=True,
        )
        for office in self.organisation.offices:
            if office.parent == "KS" or office.kind is UnitKind.GROUP:
                continue
            self._line(office.parent, office.code, every_task, may_pass_on=True)
        for below in self.data.below_managers:
            receivers = [
                a
                for a in self._posts(below.unit, below.role)
                if a.valid_to is None and (not below.title or self.built.title_of(a) == below.title)
            ][:1]
            self._line(below.giver_unit, below.unit, below.tasks, receivers=receivers)

        # AM-8: the yearly follow-up of Planenheten is two months overdue.
        self.followed_up[self._received(self._leaders("3300")[0])] = today - timedelta(days=425)
        # AM-3: signed in writing, but the enhetschef has not yet told the gruppchef in person.
        self._give(
            self._leaders("1100")[0],
            self._posts("1120", Role.GROUP_MANAGER)[0],
            ["1120"],
            ("SAM-SKYDD", "SAM-BRAND", "SAM-INTRO"),
            today - timedelta(days=4),
            signed_on=today - timedelta(days=6),
            communicated_on=None,
        )
        # Draft: Sickla's rektor is preparing the biträdande rektor's distribution.
        self._give(
            self._leaders("6100")[-1],
            self._posts("6100", Role.DEPUTY_PRINCIPAL)[0],
            ["6100"],
            ("SAM-INTRO", "SAM-SKYDD", "SAM-BRAND"),
            today + timedelta(days=14),
            signed_on=None,
            communicated_on=None,
            confirmed=(True, True, False, False),
        )
        self._partly_returned()
        self._wholly_returned()
        self._lapsed()
        for distribution, on in self.followed_up.items():
            if on is not None:
                self.services.distributions.follow_up(distribution, on)
        return self.distributions

    # -- the special cases -------------------------------------------------------------------

    def _partly_returned(self) -> None:
        """Saltsjöbadens samskola: the biträdande rektor returned the chemical risks (AM-4)."""
        (distribution,) = self._line(
            "6300",
            "6300",
            ("SAM-INTRO", "SAM-SKYDD", "SAM-BRAND", "SAM-KEMI"),
            receivers=self._posts("6300", Role.DEPUTY_PRINCIPAL)[:1],
        )
        self._return(distribution, ("SAM-KEMI",), 3, self.data.partly_returned)

    def _wholly_returned(self) -> None:
        """Miljöenheten: a miljöinspektör returned every task given (AM-4, AM-6)."""
        inspector = next(
            a
            for a in self._posts("3200", Role.EMPLOYEE)
            if self.built.title_of(a) == "Miljöinspektör" and a.valid_to is None
        )
        tasks = ("SAM-KEMI", "SAM-SKYDD")
        (distribution,) = self._line("3200", "3200", tasks, receivers=[inspector])
        self._return(distribution, tasks, 2, self.data.wholly_returned)

    def _lapsed(self) -> None:
        """Sjötäppan: the undersköterska who was brandskyddsansvarig has left; nobody has
        been given the task since, so it lies with the enhetschef (AM-1 warning)."""
        manager = self._leaders("7110")[0]
        leaver = next(a for a in self._posts("7110", Role.EMPLOYEE) if a.valid_to is not None)
        assert leaver.valid_from is not None and leaver.valid_to is not None
        valid_from = max(self.started[manager.id] + timedelta(days=7), leaver.valid_from)
        valid_from += timedelta(days=14)
        self._give(
            manager,
            leaver,
            ["7110"],
            ("SAM-BRAND",),
            valid_from,
            follow_up_until=leaver.valid_to,
        )

    # -- building blocks -----------------------------------------------------------------------

    def _posts(self, code: str, role: Role) -> list[AppointmentRecord]:
        unit_id = self.built.units[code].id
        return sorted(
            (a for a in self.built.appointments if a.unit_id == unit_id and a.role is role),
            key=lambda a: (a.valid_from or date.min, a.id),
        )

    def _leaders(self, code: str, with_acting: bool = False) -> list[AppointmentRecord]:
        """The unit's managers over time (the regular ones, and acting ones if asked)."""
        leader = self.organisation.office(code).leader
        return [a for a in self._posts(code, leader) if with_acting or not a.acting]

    def _line(
        self,
        giver_code: str,
        code: str,
        tasks: tuple[str, ...],
        may_pass_on: bool = False,
        receivers: list[AppointmentRecord] | None = None,
    ) -> list[int]:
        """From each manager of the giver unit to each receiver, while both hold their posts.

        An acting manager who replaces a departed one (not one standing in for a manager on
        leave) receives the tasks for the time of the acting appointment."""
        if receivers is None:
            replaced = {a.unit for a in self.organisation.acting if a.regular_manager_leaves}
            receivers = self._leaders(code, with_acting=code in replaced)
        made = []
        for giver in self._leaders(giver_code, with_acting=True):
            if giver.id not in self.started:
                continue
            for receiver in receivers:
                assert receiver.valid_from is not None
                valid_from = max(
                    self.started[giver.id] + timedelta(days=7),
                    receiver.valid_from + timedelta(days=3),
                )
                ends = [d for d in (giver.valid_to, receiver.valid_to) if d is not None]
                valid_to = min(ends) if ends else None
                if valid_to is not None and valid_to <= valid_from:
                    continue
                made.append(
                    self._give(
                        giver,
                        receiver,
                        [code],
                        tasks,
                        valid_from,
                        valid_to=valid_to,
                        may_pass_on=may_pass_on,
                    )
                )
        return made

    def _give(
        self,
        giver: AppointmentRecord | None,
        receiver: AppointmentRecord,
        unit_codes: list[str],
        tasks: tuple[str, ...],
        valid_from: date,
        *,
        valid_to: date | None = None,
        signed_on: date | None = _FIRST_DAY,
        communicated_on: date | None = _FIRST_DAY,
        may_pass_on: bool = False,
        confirmed: Confirmation = ALL_CONFIRMED,
        follow_up_until: date | None = None,
    ) -> int:
        """One distribution, written, signed and communicated as a manager would (the
        services sign KS's own by its ordförande); signed and communicated on its first day
        unless told otherwise."""
        signed = valid_from if signed_on == _FIRST_DAY else signed_on
        oral = valid_from if communicated_on == _FIRST_DAY else communicated_on
        absence, retained = self.data.texts(giver.role if giver else None, receiver.role)
        decided_on, section = None, ""
        if giver is None and signed is not None:
            # KS decides on its own distribution at a meeting some weeks before it is signed.
            decided_on = signed - timedelta(days=21)
            section = f"§ {signed.timetuple().tm_yday // 3 + 10}"
        task_ids = [self.tasks[code] for code in tasks]
        distributions = self.services.distributions
        distribution = distributions.create(
            DistributionDraft(
                receiver_appointment_id=receiver.id,
                giver_appointment_id=giver.id if giver else None,
                unit_ids=[self.built.units[code].id for code in unit_codes],
                task_ids=task_ids,
                valid_from=valid_from,
                valid_to=valid_to,
                may_pass_on=may_pass_on,
                absence_arrangement=absence,
                retained_tasks=retained,
                confirmations=dict.fromkeys(task_ids, confirmed),
                employer_decision_on=decided_on,
                employer_decision_section=section,
            )
        )
        if signed is not None:
            distributions.sign(distribution, signed)
        if signed is not None and oral is not None:
            distributions.record_oral(distribution, oral)
            starts = max(valid_from, signed, oral)
            self.started[receiver.id] = starts
            self.followed_up[distribution] = self._follow_up(starts, follow_up_until or valid_to)
        self.given[distribution] = (receiver, tasks)
        self.distributions.append(distribution)
        return distribution

    def _follow_up(self, starts: date, ends: date | None) -> date | None:
        """AM-8: the latest yearly follow-up, if the distribution has been due for one."""
        last = min(ends, self.today) if ends is not None else self.today
        if add_months(starts, 12) > last:
            return None
        return last - timedelta(days=self.rng.randint(20, 300))

    def _received(self, receiver: AppointmentRecord) -> int:
        return next(d for d, (to, _) in self.given.items() if to.id == receiver.id)

    def _return(
        self, distribution: int, tasks: tuple[str, ...], part: int, spec: ReturnSpec
    ) -> None:
        """The receiver returns the tasks 1/part of the way from the start to today."""
        receiver, given = self.given[distribution]
        starts = self.started[receiver.id]
        returned_on = starts + timedelta(days=max(1, (self.today - starts).days // part))
        self.services.distributions.return_tasks(
            distribution,
            [self.tasks[code] for code in tasks],
            returned_on,
            spec.reasons,
            spec.explanation,
        )
        if set(tasks) == set(given):  # the last follow-up came before they were all returned
            self.followed_up[distribution] = self._follow_up(starts, returned_on)
