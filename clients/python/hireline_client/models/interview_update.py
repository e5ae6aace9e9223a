from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InterviewUpdate")


@_attrs_define
class InterviewUpdate:
    """Reschedule or change the panel: an update with the same UID goes to everyone.

    Attributes:
        interviewer_ids (list[UUID] | None | Unset):
        starts_at (datetime.datetime | None | Unset):
        ends_at (datetime.datetime | None | Unset):
        time_zone (None | str | Unset):
        location (None | str | Unset):
        video_url (None | str | Unset):
        force (bool | Unset):  Default: False.
    """

    interviewer_ids: list[UUID] | None | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    force: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        interviewer_ids: list[str] | None | Unset
        if isinstance(self.interviewer_ids, Unset):
            interviewer_ids = UNSET
        elif isinstance(self.interviewer_ids, list):
            interviewer_ids = []
            for interviewer_ids_type_0_item_data in self.interviewer_ids:
                interviewer_ids_type_0_item = str(interviewer_ids_type_0_item_data)
                interviewer_ids.append(interviewer_ids_type_0_item)

        else:
            interviewer_ids = self.interviewer_ids

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        force = self.force

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if interviewer_ids is not UNSET:
            field_dict["interviewer_ids"] = interviewer_ids
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if location is not UNSET:
            field_dict["location"] = location
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_interviewer_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interviewer_ids_type_0 = []
                _interviewer_ids_type_0 = data
                for interviewer_ids_type_0_item_data in _interviewer_ids_type_0:
                    interviewer_ids_type_0_item = UUID(interviewer_ids_type_0_item_data)

                    interviewer_ids_type_0.append(interviewer_ids_type_0_item)

                return interviewer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        interviewer_ids = _parse_interviewer_ids(d.pop("interviewer_ids", UNSET))

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        force = d.pop("force", UNSET)

        interview_update = cls(
            interviewer_ids=interviewer_ids,
            starts_at=starts_at,
            ends_at=ends_at,
            time_zone=time_zone,
            location=location,
            video_url=video_url,
            force=force,
        )

        return interview_update
