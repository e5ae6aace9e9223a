"""The tables of Hireline's OpenAPI document: operation ids and what only services know.

Everything else in the document follows from the routes and their dependencies
(`hireline.core.openapi`). Operation ids are what generated clients name their functions
after (`jobs_create` becomes `jobs_create.sync(...)`), so an id, once published, stays.
A route missing here keeps its function name as id; add it before releasing.
"""

from __future__ import annotations

import json
from typing import Any

from hireline.core.openapi import DocumentRules
from hireline.identity.dependencies import SECURITY_SCHEMES
from hireline.settings import Settings

# Route function name -> operation id: `<resource>_<verb>`.
OPERATION_IDS: dict[str, str] = {
    # offers
    "create_offer": "offers_create",
    "application_offers": "offers_list_for_application",
    "offer_band": "offers_band",
    "list_offers": "offers_list",
    "get_offer": "offers_get",
    "decide_offer": "offers_decide",
    "send_offer": "offers_send",
    "accept_offer": "offers_accept",
    "decline_offer": "offers_decline",
    "offer_letter": "offers_letter",
    "reject_remaining_applications": "jobs_reject_remaining",
    "list_offer_templates": "offer_templates_list",
    "get_offer_template": "offer_templates_get",
    "put_offer_template": "offer_templates_put",
    "preview_offer_template": "offer_templates_preview",
    # operations
    "healthz": "system_health",
    "readyz": "system_ready",
    "metrics": "system_metrics",
    "problem_type": "problems_get",
    # identity
    "signup": "auth_signup",
    "token": "auth_token",
    "logout": "auth_logout",
    "me": "me_get",
    "change_password": "me_change_password",
    "read_settings": "organization_settings_get",
    "update_settings": "organization_settings_update",
    "audit_log": "audit_log_list",
    "list_members": "members_list",
    "invite_member": "members_invite",
    "change_member_role": "members_change_role",
    "remove_member": "members_remove",
    "accept_invitation": "invitations_accept",
    "list_api_keys": "api_keys_list",
    "create_api_key": "api_keys_create",
    "revoke_api_key": "api_keys_revoke",
    "list_clients": "oauth_clients_list",
    "create_client": "oauth_clients_create",
    "revoke_client": "oauth_clients_revoke",
    "usage": "usage_get",
    # guides
    "get_band": "salaries_get",
    "import_salaries": "salaries_import",
    "list_templates": "templates_list",
    "get_template": "templates_get",
    "edit_template": "templates_edit",
    "fork_template": "templates_fork",
    "template_versions": "templates_versions",
    "list_questions": "questions_list",
    "create_question": "questions_create",
    "render_guide": "guides_render",
    # jobs
    "list_jobs": "jobs_list",
    "create_job": "jobs_create",
    "get_job": "jobs_get",
    "update_job": "jobs_update",
    "delete_job": "jobs_delete",
    "publish_job": "jobs_publish",
    "get_syndication": "jobs_syndication_get",
    "put_syndication": "jobs_syndication_put",
    "pause_job": "jobs_pause",
    "close_job": "jobs_close",
    # public board
    "board_jobs": "board_list",
    "board_job": "board_get",
    "apply_api": "board_apply",
    # candidates and applications
    "search_candidates": "candidates_search",
    "job_applications": "applications_list",
    "get_application": "applications_get",
    "move_application": "applications_move",
    "reject_application": "applications_reject",
    "hire": "applications_hire",
    "withdraw": "applications_withdraw",
    "application_match": "applications_match",
    "list_rejection_reasons": "rejection_reasons_list",
    "replace_rejection_reasons": "rejection_reasons_replace",
    "list_candidates": "candidates_list",
    "get_candidate": "candidates_get",
    "update_candidate": "candidates_update",
    "erase_candidate": "candidates_erase",
    "candidate_activity": "candidates_activity",
    "download_resume": "candidates_download_resume",
    "reparse_resume": "candidates_reparse_resume",
    "export_candidate": "candidates_export",
    "add_candidate": "candidates_add",
    "reopen_application": "applications_reopen",
    "list_notes": "candidate_notes_list",
    "add_note": "candidate_notes_add",
    "replace_tags": "candidate_tags_replace",
    "add_tags": "candidate_tags_add",
    "remove_tag": "candidate_tags_remove",
    "list_saved_searches": "saved_searches_list",
    "create_saved_search": "saved_searches_create",
    "get_saved_search": "saved_searches_get",
    "delete_saved_search": "saved_searches_delete",
    # imports
    "start_import": "imports_start",
    "get_import": "imports_get",
    "list_imports": "imports_list",
    # retention
    "list_retention_policies": "retention_policies_list",
    "replace_retention_policies": "retention_policies_replace",
    "preview_retention": "retention_policies_preview",
    "get_keep_consent": "candidate_keep_consent_get",
    "put_keep_consent": "candidate_keep_consent_put",
    # change feed and live stream
    "list_changes": "changes_list",
    "create_ticket": "events_create_ticket",
    # webhooks
    "event_types": "webhooks_event_types",
    "list_endpoints": "webhook_endpoints_list",
    "create_endpoint": "webhook_endpoints_create",
    "get_endpoint": "webhook_endpoints_get",
    "update_endpoint": "webhook_endpoints_update",
    "delete_endpoint": "webhook_endpoints_delete",
    "rotate_secret": "webhook_endpoints_rotate_secret",
    "test_endpoint": "webhook_endpoints_test",
    "list_deliveries": "webhook_deliveries_list",
    "get_delivery": "webhook_deliveries_get",
    "retry_delivery": "webhook_deliveries_retry",
    # analytics
    "analytics_funnel": "analytics_funnel",
    "analytics_time_in_stage": "analytics_time_in_stage",
    "analytics_time_to_hire": "analytics_time_to_hire",
    "analytics_sources": "analytics_sources",
    "analytics_offers": "analytics_offers",
    "analytics_pipeline_health": "analytics_pipeline_health",
    # interviews
    "get_interview_plan": "interview_plans_get",
    "replace_interview_plan": "interview_plans_replace",
    "schedule_interview": "interviews_schedule",
    "application_interviews": "interviews_list_for_application",
    "interview_slots": "interviews_suggest_slots",
    "my_interviews": "me_interviews_list",
    "get_interview": "interviews_get",
    "reschedule_interview": "interviews_reschedule",
    "cancel_interview": "interviews_cancel",
    "submit_scorecard": "scorecards_submit",
    "interview_scorecards": "scorecards_list_for_interview",
    "application_scorecards": "scorecards_list_for_application",
    "feedback_summary": "scorecards_summary",
    "scorecard_versions": "scorecards_versions",
    "my_availability": "me_availability_get",
    "replace_my_availability": "me_availability_replace",
}

# Statuses that services raise for a state of the data, beyond the shared rules (input,
# authentication, rate limits, idempotency).
EXTRA_PROBLEMS: dict[str, set[int]] = {
    "auth_signup": {409},
    "members_invite": {403, 409},
    "members_change_role": {403, 409},
    "members_remove": {409},
    "auth_logout": {400},
    "me_change_password": {403},
    "invitations_accept": {403, 409},
    "templates_edit": {400, 409},
    "templates_fork": {409},
    "questions_create": {409},
    "guides_render": {404},
    "salaries_get": {404},
    "salaries_import": {415},
    "jobs_create": {404},
    "jobs_update": {409},
    "jobs_delete": {409},
    "jobs_publish": {409},
    "jobs_pause": {409},
    "jobs_close": {409},
    "board_apply": {400, 409, 415},
    "applications_move": {409},
    "applications_reject": {409},
    "applications_hire": {409},
    "applications_withdraw": {409},
    "applications_reopen": {409},
    "candidates_add": {404, 409, 413, 415},
    "candidate_notes_list": {404},
    "candidate_notes_add": {404},
    "candidate_tags_replace": {404},
    "candidate_tags_add": {404},
    "candidate_tags_remove": {404},
    "saved_searches_create": {403, 409},
    "saved_searches_list": {403},
    "saved_searches_get": {403, 404},
    "saved_searches_delete": {403, 404},
    "candidate_keep_consent_get": {404},
    "candidate_keep_consent_put": {404},
    "webhook_endpoints_create": {409},
    "webhook_endpoints_test": {409},
    "webhook_deliveries_retry": {409},
    # A hiring manager's or interviewer's search names one of their jobs (hiring teams).
    "candidates_search": {404},
    "system_ready": {503},
    "interview_plans_get": {404},
    "interview_plans_replace": {404},
    "interviews_schedule": {404, 409},
    "interviews_reschedule": {409},
    "interviews_cancel": {403, 409},
    "scorecards_submit": {403, 409},
    "scorecards_list_for_interview": {403},
    "scorecards_list_for_application": {403},
    "scorecards_summary": {403},
    "scorecards_versions": {403},
    "me_availability_get": {404},
    "offers_create": {409},
    "offers_decide": {403, 409},
    "offers_send": {409},
    "offers_accept": {409},
    "offers_decline": {409},
    "jobs_reject_remaining": {409},
    "imports_start": {413, 415},
    "imports_get": {404},
    # A report filtered by a job names one of the tenant's jobs.
    "analytics_funnel": {404},
    "analytics_time_in_stage": {404},
    "analytics_time_to_hire": {404},
    "analytics_sources": {404},
    "analytics_offers": {404},
    "analytics_pipeline_health": {404},
}

# Links from a creation to operations outside its own path.
_APPLICATION = {"application_id": "$response.body#/id"}
_CANDIDATE = {"candidate_id": "$response.body#/candidate_id"}
LINKS: dict[str, dict[str, dict[str, str]]] = {
    "board_apply": {
        "applications_get": _APPLICATION,
        "applications_move": _APPLICATION,
        "applications_reject": _APPLICATION,
        "applications_hire": _APPLICATION,
        "applications_withdraw": _APPLICATION,
        "applications_match": _APPLICATION,
        "candidates_get": _CANDIDATE,
        "candidates_update": _CANDIDATE,
        "candidates_activity": _CANDIDATE,
        "candidates_export": _CANDIDATE,
        "candidates_erase": _CANDIDATE,
    },
    "jobs_create": {
        "applications_list": {"job_id": "$response.body#/id"},
    },
}

ETAG_OPERATIONS = frozenset({"board_list", "board_get", "templates_get"})


def document_rules(settings: Settings) -> DocumentRules:
    """The rules of Hireline's document, served from the configured public URL."""
    return DocumentRules(
        operation_ids=OPERATION_IDS,
        security_schemes=SECURITY_SCHEMES,
        extra_problems=EXTRA_PROBLEMS,
        etag_operations=ETAG_OPERATIONS,
        idempotent_operations=frozenset({"board_apply"}),
        # An invitation's id is not the id of the member it becomes.
        unlinked_operations=frozenset({"members_invite"}),
        links=LINKS,
        servers=[{"url": settings.public_url.rstrip("/"), "description": "This server"}],
    )


# The server named in the published document (and the generated clients' default).
PUBLISHED_SERVER = "http://127.0.0.1:8000"


def published_document() -> dict[str, Any]:
    """The document as `make clients` publishes it: independent of this machine's settings."""
    from hireline.main import create_app

    settings = Settings(
        environment="development",
        database_url="postgresql://unused/unused",
        public_url=PUBLISHED_SERVER,
    )
    return create_app(settings).openapi()


def main() -> None:
    """Print the published document (`python -m hireline.api_document`)."""
    print(json.dumps(published_document(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
