"""Contains all the data models used in inputs/outputs"""

from .accept_invitation import AcceptInvitation
from .activity_read import ActivityRead
from .activity_read_details import ActivityReadDetails
from .adjustment_read import AdjustmentRead
from .adjustment_read_unit import AdjustmentReadUnit
from .anchor_read import AnchorRead
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .application_created import ApplicationCreated
from .application_page import ApplicationPage
from .application_read import ApplicationRead
from .application_read_answers import ApplicationReadAnswers
from .application_read_status import ApplicationReadStatus
from .applications_list_sort import ApplicationsListSort
from .applications_list_status import ApplicationsListStatus
from .approval_decision import ApprovalDecision
from .approval_decision_decision import ApprovalDecisionDecision
from .approval_read import ApprovalRead
from .approval_read_status import ApprovalReadStatus
from .attempt_read import AttemptRead
from .attribute_read import AttributeRead
from .attribute_summary import AttributeSummary
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_details import AuditEntryReadDetails
from .audit_page import AuditPage
from .availability_read import AvailabilityRead
from .availability_write import AvailabilityWrite
from .band import Band
from .band_adjustment import BandAdjustment
from .body_auth_token import BodyAuthToken
from .body_board_apply import BodyBoardApply
from .body_board_apply_answers import BodyBoardApplyAnswers
from .body_candidates_add import BodyCandidatesAdd
from .body_candidates_add_source import BodyCandidatesAddSource
from .body_imports_start import BodyImportsStart
from .body_imports_start_source import BodyImportsStartSource
from .body_salaries_import import BodySalariesImport
from .body_salaries_import_format import BodySalariesImportFormat
from .candidate_added import CandidateAdded
from .candidate_answer import CandidateAnswer
from .candidate_export import CandidateExport
from .candidate_export_activity_item import CandidateExportActivityItem
from .candidate_export_applications_item import CandidateExportApplicationsItem
from .candidate_export_candidate import CandidateExportCandidate
from .candidate_export_notes_item import CandidateExportNotesItem
from .candidate_export_resumes_item import CandidateExportResumesItem
from .candidate_page import CandidatePage
from .candidate_read import CandidateRead
from .candidate_update import CandidateUpdate
from .candidates_search_skills_mode import CandidatesSearchSkillsMode
from .candidates_search_sort import CandidatesSearchSort
from .candidates_search_status import CandidatesSearchStatus
from .change_page import ChangePage
from .change_read import ChangeRead
from .change_read_operation import ChangeReadOperation
from .change_read_type import ChangeReadType
from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_read import ClientRead
from .daily_usage_read import DailyUsageRead
from .delivery_detail import DeliveryDetail
from .delivery_detail_status import DeliveryDetailStatus
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .durations import Durations
from .endpoint_create import EndpointCreate
from .endpoint_create_event_types_item import EndpointCreateEventTypesItem
from .endpoint_read import EndpointRead
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .event_type_read import EventTypeRead
from .facet_value import FacetValue
from .facets import Facets
from .feedback_summary import FeedbackSummary
from .feedback_summary_recommendations import FeedbackSummaryRecommendations
from .field_error import FieldError
from .fork_request import ForkRequest
from .fragment import Fragment
from .freshness import Freshness
from .from_template import FromTemplate
from .from_template_context import FromTemplateContext
from .from_template_industry import FromTemplateIndustry
from .funnel import Funnel
from .funnel_stage import FunnelStage
from .given_rating import GivenRating
from .given_rating_rating_type_0 import GivenRatingRatingType0
from .guide import Guide
from .guide_salary import GuideSalary
from .health import Health
from .highlight import Highlight
from .highlight_field import HighlightField
from .import_page import ImportPage
from .import_read import ImportRead
from .import_read_source import ImportReadSource
from .import_read_status import ImportReadStatus
from .import_report import ImportReport
from .import_report_counts import ImportReportCounts
from .import_report_read import ImportReportRead
from .import_tally import ImportTally
from .interview_create import InterviewCreate
from .interview_list import InterviewList
from .interview_read import InterviewRead
from .interview_read_status import InterviewReadStatus
from .interview_update import InterviewUpdate
from .invitation_created import InvitationCreated
from .invitation_read import InvitationRead
from .invite_request import InviteRequest
from .job_create import JobCreate
from .job_create_employment_type import JobCreateEmploymentType
from .job_create_level_type_0 import JobCreateLevelType0
from .job_create_skill_weights import JobCreateSkillWeights
from .job_location import JobLocation
from .job_location_mode import JobLocationMode
from .job_page import JobPage
from .job_read import JobRead
from .job_read_skill_weights import JobReadSkillWeights
from .job_read_status import JobReadStatus
from .job_update import JobUpdate
from .job_update_employment_type import JobUpdateEmploymentType
from .job_update_level_type_0 import JobUpdateLevelType0
from .job_update_skill_weights_type_0 import JobUpdateSkillWeightsType0
from .jobs_list_status import JobsListStatus
from .keep_consent_read import KeepConsentRead
from .keep_consent_write import KeepConsentWrite
from .kit_question_read import KitQuestionRead
from .kit_read import KitRead
from .letter_preview import LetterPreview
from .letter_template_list import LetterTemplateList
from .letter_template_read import LetterTemplateRead
from .letter_template_read_fields import LetterTemplateReadFields
from .letter_template_write import LetterTemplateWrite
from .level_part import LevelPart
from .location_part import LocationPart
from .logout_request import LogoutRequest
from .match_parts import MatchParts
from .match_read import MatchRead
from .match_read_base_weights import MatchReadBaseWeights
from .match_reason import MatchReason
from .match_summary import MatchSummary
from .me_response import MeResponse
from .member_read import MemberRead
from .members_read import MembersRead
from .mention_read import MentionRead
from .missing_scorecard import MissingScorecard
from .move_request import MoveRequest
from .note_create import NoteCreate
from .note_list import NoteList
from .note_read import NoteRead
from .o_auth_error_response import OAuthErrorResponse
from .o_auth_error_response_error import OAuthErrorResponseError
from .offer_create import OfferCreate
from .offer_list import OfferList
from .offer_read import OfferRead
from .offer_read_status import OfferReadStatus
from .offers import Offers
from .offers_list_status import OffersListStatus
from .organization_settings import OrganizationSettings
from .password_change import PasswordChange
from .pipeline_health import PipelineHealth
from .plan_interview_read import PlanInterviewRead
from .plan_interview_write import PlanInterviewWrite
from .plan_read import PlanRead
from .plan_write import PlanWrite
from .points import Points
from .principal_usage_read import PrincipalUsageRead
from .problem import Problem
from .problem_type_read import ProblemTypeRead
from .public_board import PublicBoard
from .public_board_organization import PublicBoardOrganization
from .public_job import PublicJob
from .public_job_locations_item import PublicJobLocationsItem
from .public_salary import PublicSalary
from .question_create import QuestionCreate
from .question_create_category import QuestionCreateCategory
from .question_create_levels_item import QuestionCreateLevelsItem
from .question_read import QuestionRead
from .questions_list_category import QuestionsListCategory
from .questions_list_level import QuestionsListLevel
from .readiness import Readiness
from .reason import Reason
from .record_problem import RecordProblem
from .red_flag_read import RedFlagRead
from .reject_remaining import RejectRemaining
from .reject_request import RejectRequest
from .rejected_applications import RejectedApplications
from .rejection_read import RejectionRead
from .rejection_reason_item import RejectionReasonItem
from .rejection_reason_list import RejectionReasonList
from .rejection_reasons_update import RejectionReasonsUpdate
from .related_skill import RelatedSkill
from .render_request import RenderRequest
from .render_request_context import RenderRequestContext
from .render_request_format import RenderRequestFormat
from .render_request_industry import RenderRequestIndustry
from .render_request_level import RenderRequestLevel
from .requirement_read import RequirementRead
from .resume_read import ResumeRead
from .resume_read_parse_status import ResumeReadParseStatus
from .resume_read_parsed_type_0 import ResumeReadParsedType0
from .retention_policies_update import RetentionPoliciesUpdate
from .retention_policy_list import RetentionPolicyList
from .retention_policy_read import RetentionPolicyRead
from .retention_policy_read_scope import RetentionPolicyReadScope
from .retention_policy_write import RetentionPolicyWrite
from .retention_policy_write_scope import RetentionPolicyWriteScope
from .retention_preview import RetentionPreview
from .retention_preview_item import RetentionPreviewItem
from .retention_preview_item_action import RetentionPreviewItemAction
from .role import Role
from .role_change import RoleChange
from .salaries_get_company_stage import SalariesGetCompanyStage
from .salaries_get_level import SalariesGetLevel
from .salary_band import SalaryBand
from .salary_band_read import SalaryBandRead
from .salary_band_read_origin import SalaryBandReadOrigin
from .salary_range import SalaryRange
from .saved_search_create import SavedSearchCreate
from .saved_search_create_filters import SavedSearchCreateFilters
from .saved_search_list import SavedSearchList
from .saved_search_read import SavedSearchRead
from .saved_search_read_filters import SavedSearchReadFilters
from .scope import Scope
from .scorecard_history import ScorecardHistory
from .scorecard_list import ScorecardList
from .scorecard_read import ScorecardRead
from .scorecard_read_notes import ScorecardReadNotes
from .scorecard_read_ratings import ScorecardReadRatings
from .scorecard_read_ratings_additional_property_type_0 import ScorecardReadRatingsAdditionalPropertyType0
from .scorecard_read_recommendation import ScorecardReadRecommendation
from .scorecard_version_read import ScorecardVersionRead
from .scorecard_version_read_notes import ScorecardVersionReadNotes
from .scorecard_version_read_ratings import ScorecardVersionReadRatings
from .scorecard_version_read_ratings_additional_property_type_0 import (
    ScorecardVersionReadRatingsAdditionalPropertyType0,
)
from .scorecard_version_read_recommendation import ScorecardVersionReadRecommendation
from .scorecard_write import ScorecardWrite
from .scorecard_write_notes import ScorecardWriteNotes
from .scorecard_write_ratings import ScorecardWriteRatings
from .scorecard_write_ratings_additional_property_type_0 import ScorecardWriteRatingsAdditionalPropertyType0
from .scorecard_write_recommendation import ScorecardWriteRecommendation
from .search_hit import SearchHit
from .search_page import SearchPage
from .section import Section
from .signup_request import SignupRequest
from .signup_response import SignupResponse
from .skills_part import SkillsPart
from .skills_part_skill_weights_type_0 import SkillsPartSkillWeightsType0
from .slot import Slot
from .slot_list import SlotList
from .source_figures import SourceFigures
from .source_month import SourceMonth
from .sources import Sources
from .stage_edit import StageEdit
from .stage_move import StageMove
from .stage_read import StageRead
from .stage_read_kind import StageReadKind
from .stage_ref import StageRef
from .stage_ref_kind import StageRefKind
from .stage_time import StageTime
from .syndication import Syndication
from .table import Table
from .tag_list import TagList
from .tags_add import TagsAdd
from .tags_update import TagsUpdate
from .team_member import TeamMember
from .team_member_role import TeamMemberRole
from .template_patch import TemplatePatch
from .template_patch_patch import TemplatePatchPatch
from .template_read import TemplateRead
from .template_read_content import TemplateReadContent
from .template_read_origin import TemplateReadOrigin
from .template_ref import TemplateRef
from .template_summary import TemplateSummary
from .template_summary_origin import TemplateSummaryOrigin
from .tenant_read import TenantRead
from .ticket_read import TicketRead
from .time_in_stage import TimeInStage
from .time_to_hire import TimeToHire
from .token_response import TokenResponse
from .unmapped_reason import UnmappedReason
from .unmapped_stage import UnmappedStage
from .user_read import UserRead
from .version_read import VersionRead
from .webhook_deliveries_list_status import WebhookDeliveriesListStatus
from .weekly_window import WeeklyWindow
from .years_part import YearsPart

__all__ = (
    "AcceptInvitation",
    "ActivityRead",
    "ActivityReadDetails",
    "AdjustmentRead",
    "AdjustmentReadUnit",
    "AnchorRead",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyRead",
    "ApplicationCreated",
    "ApplicationPage",
    "ApplicationRead",
    "ApplicationReadAnswers",
    "ApplicationReadStatus",
    "ApplicationsListSort",
    "ApplicationsListStatus",
    "ApprovalDecision",
    "ApprovalDecisionDecision",
    "ApprovalRead",
    "ApprovalReadStatus",
    "AttemptRead",
    "AttributeRead",
    "AttributeSummary",
    "AuditEntryRead",
    "AuditEntryReadDetails",
    "AuditPage",
    "AvailabilityRead",
    "AvailabilityWrite",
    "Band",
    "BandAdjustment",
    "BodyAuthToken",
    "BodyBoardApply",
    "BodyBoardApplyAnswers",
    "BodyCandidatesAdd",
    "BodyCandidatesAddSource",
    "BodyImportsStart",
    "BodyImportsStartSource",
    "BodySalariesImport",
    "BodySalariesImportFormat",
    "CandidateAdded",
    "CandidateAnswer",
    "CandidateExport",
    "CandidateExportActivityItem",
    "CandidateExportApplicationsItem",
    "CandidateExportCandidate",
    "CandidateExportNotesItem",
    "CandidateExportResumesItem",
    "CandidatePage",
    "CandidateRead",
    "CandidatesSearchSkillsMode",
    "CandidatesSearchSort",
    "CandidatesSearchStatus",
    "CandidateUpdate",
    "ChangePage",
    "ChangeRead",
    "ChangeReadOperation",
    "ChangeReadType",
    "ClientCreate",
    "ClientCreated",
    "ClientRead",
    "DailyUsageRead",
    "DeliveryDetail",
    "DeliveryDetailStatus",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryReadStatus",
    "Durations",
    "EndpointCreate",
    "EndpointCreateEventTypesItem",
    "EndpointRead",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EventTypeRead",
    "Facets",
    "FacetValue",
    "FeedbackSummary",
    "FeedbackSummaryRecommendations",
    "FieldError",
    "ForkRequest",
    "Fragment",
    "Freshness",
    "FromTemplate",
    "FromTemplateContext",
    "FromTemplateIndustry",
    "Funnel",
    "FunnelStage",
    "GivenRating",
    "GivenRatingRatingType0",
    "Guide",
    "GuideSalary",
    "Health",
    "Highlight",
    "HighlightField",
    "ImportPage",
    "ImportRead",
    "ImportReadSource",
    "ImportReadStatus",
    "ImportReport",
    "ImportReportCounts",
    "ImportReportRead",
    "ImportTally",
    "InterviewCreate",
    "InterviewList",
    "InterviewRead",
    "InterviewReadStatus",
    "InterviewUpdate",
    "InvitationCreated",
    "InvitationRead",
    "InviteRequest",
    "JobCreate",
    "JobCreateEmploymentType",
    "JobCreateLevelType0",
    "JobCreateSkillWeights",
    "JobLocation",
    "JobLocationMode",
    "JobPage",
    "JobRead",
    "JobReadSkillWeights",
    "JobReadStatus",
    "JobsListStatus",
    "JobUpdate",
    "JobUpdateEmploymentType",
    "JobUpdateLevelType0",
    "JobUpdateSkillWeightsType0",
    "KeepConsentRead",
    "KeepConsentWrite",
    "KitQuestionRead",
    "KitRead",
    "LetterPreview",
    "LetterTemplateList",
    "LetterTemplateRead",
    "LetterTemplateReadFields",
    "LetterTemplateWrite",
    "LevelPart",
    "LocationPart",
    "LogoutRequest",
    "MatchParts",
    "MatchRead",
    "MatchReadBaseWeights",
    "MatchReason",
    "MatchSummary",
    "MemberRead",
    "MembersRead",
    "MentionRead",
    "MeResponse",
    "MissingScorecard",
    "MoveRequest",
    "NoteCreate",
    "NoteList",
    "NoteRead",
    "OAuthErrorResponse",
    "OAuthErrorResponseError",
    "OfferCreate",
    "OfferList",
    "OfferRead",
    "OfferReadStatus",
    "Offers",
    "OffersListStatus",
    "OrganizationSettings",
    "PasswordChange",
    "PipelineHealth",
    "PlanInterviewRead",
    "PlanInterviewWrite",
    "PlanRead",
    "PlanWrite",
    "Points",
    "PrincipalUsageRead",
    "Problem",
    "ProblemTypeRead",
    "PublicBoard",
    "PublicBoardOrganization",
    "PublicJob",
    "PublicJobLocationsItem",
    "PublicSalary",
    "QuestionCreate",
    "QuestionCreateCategory",
    "QuestionCreateLevelsItem",
    "QuestionRead",
    "QuestionsListCategory",
    "QuestionsListLevel",
    "Readiness",
    "Reason",
    "RecordProblem",
    "RedFlagRead",
    "RejectedApplications",
    "RejectionRead",
    "RejectionReasonItem",
    "RejectionReasonList",
    "RejectionReasonsUpdate",
    "RejectRemaining",
    "RejectRequest",
    "RelatedSkill",
    "RenderRequest",
    "RenderRequestContext",
    "RenderRequestFormat",
    "RenderRequestIndustry",
    "RenderRequestLevel",
    "RequirementRead",
    "ResumeRead",
    "ResumeReadParsedType0",
    "ResumeReadParseStatus",
    "RetentionPoliciesUpdate",
    "RetentionPolicyList",
    "RetentionPolicyRead",
    "RetentionPolicyReadScope",
    "RetentionPolicyWrite",
    "RetentionPolicyWriteScope",
    "RetentionPreview",
    "RetentionPreviewItem",
    "RetentionPreviewItemAction",
    "Role",
    "RoleChange",
    "SalariesGetCompanyStage",
    "SalariesGetLevel",
    "SalaryBand",
    "SalaryBandRead",
    "SalaryBandReadOrigin",
    "SalaryRange",
    "SavedSearchCreate",
    "SavedSearchCreateFilters",
    "SavedSearchList",
    "SavedSearchRead",
    "SavedSearchReadFilters",
    "Scope",
    "ScorecardHistory",
    "ScorecardList",
    "ScorecardRead",
    "ScorecardReadNotes",
    "ScorecardReadRatings",
    "ScorecardReadRatingsAdditionalPropertyType0",
    "ScorecardReadRecommendation",
    "ScorecardVersionRead",
    "ScorecardVersionReadNotes",
    "ScorecardVersionReadRatings",
    "ScorecardVersionReadRatingsAdditionalPropertyType0",
    "ScorecardVersionReadRecommendation",
    "ScorecardWrite",
    "ScorecardWriteNotes",
    "ScorecardWriteRatings",
    "ScorecardWriteRatingsAdditionalPropertyType0",
    "ScorecardWriteRecommendation",
    "SearchHit",
    "SearchPage",
    "Section",
    "SignupRequest",
    "SignupResponse",
    "SkillsPart",
    "SkillsPartSkillWeightsType0",
    "Slot",
    "SlotList",
    "SourceFigures",
    "SourceMonth",
    "Sources",
    "StageEdit",
    "StageMove",
    "StageRead",
    "StageReadKind",
    "StageRef",
    "StageRefKind",
    "StageTime",
    "Syndication",
    "Table",
    "TagList",
    "TagsAdd",
    "TagsUpdate",
    "TeamMember",
    "TeamMemberRole",
    "TemplatePatch",
    "TemplatePatchPatch",
    "TemplateRead",
    "TemplateReadContent",
    "TemplateReadOrigin",
    "TemplateRef",
    "TemplateSummary",
    "TemplateSummaryOrigin",
    "TenantRead",
    "TicketRead",
    "TimeInStage",
    "TimeToHire",
    "TokenResponse",
    "UnmappedReason",
    "UnmappedStage",
    "UserRead",
    "VersionRead",
    "WebhookDeliveriesListStatus",
    "WeeklyWindow",
    "YearsPart",
)
