from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_read import TenantRead
    from ..models.user_read import UserRead


T = TypeVar("T", bound="MeResponse")


@_attrs_define
class MeResponse:
    """The caller as the API sees it.

    Attributes:
        principal_type (str):
        tenant (TenantRead):
        actions (list[str]):
        user (None | Unset | UserRead):
        role (None | str | Unset):
        scopes (list[Scope] | Unset):
    """

    principal_type: str
    tenant: TenantRead
    actions: list[str]
    user: None | Unset | UserRead = UNSET
    role: None | str | Unset = UNSET
    scopes: list[Scope] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_read import UserRead  # noqa: PLC0415

        principal_type = self.principal_type

        tenant = self.tenant.to_dict()

        actions = self.actions

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, UserRead):
            user = self.user.to_dict()
        else:
            user = self.user

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal_type": principal_type,
                "tenant": tenant,
                "actions": actions,
            }
        )
        if user is not UNSET:
            field_dict["user"] = user
        if role is not UNSET:
            field_dict["role"] = role
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_read import TenantRead  # noqa: PLC0415
        from ..models.user_read import UserRead  # noqa: PLC0415

        d = dict(src_dict)
        principal_type = d.pop("principal_type")

        tenant = TenantRead.from_dict(d.pop("tenant"))

        actions = cast(list[str], d.pop("actions"))

        def _parse_user(data: object) -> None | Unset | UserRead:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = UserRead.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserRead, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        _scopes = d.pop("scopes", UNSET)
        scopes: list[Scope] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = Scope(scopes_item_data)

                scopes.append(scopes_item)

        me_response = cls(
            principal_type=principal_type,
            tenant=tenant,
            actions=actions,
            user=user,
            role=role,
            scopes=scopes,
        )

        me_response.additional_properties = d
        return me_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
