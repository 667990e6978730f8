"""Custom actions (rasa-sdk), served in-process by the app at /api/actions/webhook."""

from rasa_sdk import Action

from bot.actions.certificates import (
    ActionAskCertificate,
    ActionAskMethod,
    ActionAskRequester,
    ActionCertificateGuide,
    ValidateCertificateForm,
)
from bot.actions.childcare import (
    ActionAskChildAge,
    ActionAskStartMonth,
    ActionChildAllowance,
    ActionNurseryGuide,
    ValidateNurseryForm,
)
from bot.actions.faq import (
    ActionAnswerFaq,
    ActionChooseFaq,
    ActionDefaultAskAffirmation,
    ActionDefaultFallback,
    ActionOutOfScope,
)
from bot.actions.feedback import ActionChangeLanguage, ActionFeedback
from bot.actions.garbage import (
    ActionAskArea,
    ActionGarbageDay,
    ActionGarbageSorting,
    ValidateGarbageDayForm,
    ValidateGarbageSortingForm,
)
from bot.actions.routing import ActionDepartmentRouting, ActionHandoff

ACTIONS: tuple[type[Action], ...] = (
    ActionAnswerFaq, ActionChooseFaq, ActionDefaultAskAffirmation, ActionDefaultFallback,
    ActionOutOfScope,
    ActionAskArea, ValidateGarbageDayForm, ActionGarbageDay,
    ValidateGarbageSortingForm, ActionGarbageSorting,
    ActionAskCertificate, ActionAskRequester, ActionAskMethod, ValidateCertificateForm,
    ActionCertificateGuide,
    ActionAskChildAge, ActionAskStartMonth, ValidateNurseryForm, ActionNurseryGuide,
    ActionChildAllowance,
    ActionDepartmentRouting, ActionHandoff, ActionFeedback, ActionChangeLanguage,
)

__all__ = ["ACTIONS"]
