define([], function () {
  return {
    Retry: "Try again",
    Opening: "Opening…",
    OpenFailed: "This could not be opened: check the connection.",
    Unnotified: "Teams could not tell {0}: let them know yourself.",
    ErrorNoRecipient: "Pick at least one person.",
    ErrorTooManyRecipients: "A crew award reaches at most {0} people.",
    ErrorSelfRecognition: "You can't recognise yourself. Pick a colleague who made a difference.",
    ErrorRecipientUnknown: "{0} is no longer in the directory. Remove them and pick someone else.",
    ErrorValueUnknown: "Pick a value.",
    ErrorValueInactive: "HR has switched off \"{0}\". Pick another value.",
    ErrorMessageEmpty: "Write what they did and what it achieved.",
    ErrorMessageTooLong: "Keep the message to {0} characters; emoji count as two.",
    ErrorImpactTooLong: "Keep the impact line to {0} characters; emoji count as two.",
    ErrorFieldTooLong: "This can't be saved: a code it would be filed under ({0}) is longer than SharePoint allows. Ask your site admin to shorten it.",
    CharactersLeft: "{0} characters left; emoji count as two.",
    ControlCharactersRemoved: "Removed {0} invisible control characters (they come with pasted text and cannot be saved). Everything else is kept as you wrote it.",
    ErrorCrewUnknown: "We do not know {0}'s crew, so \"My crew\" would show it to nobody else. Choose everyone or only them and their leader.",
    StoreAccessDenied: "you don't have permission for this on this site.",
    StoreNotFound: "it no longer exists (it may have been removed).",
    StoreConflict: "someone changed it at the same moment; try again.",
    StoreThrottled: "SharePoint is busy right now; try again in a minute.",
    StoreNetwork: "the connection was lost; try again when you're back online.",
    StoreThreshold: "the list is too large for this filter; pick a site, line or value.",
    StoreUnexpected: "SharePoint returned an unexpected error."
  };
});
