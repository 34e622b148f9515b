/*
 * Every UI string of the page and the widget, in English and French. Plain browser script, bundled
 * first by web-assets.ts; a language missing here falls back to English.
 */

var STRINGS = {
  en: {
    title: 'Ask about UN resolutions',
    greeting: 'Ask a question about the resolutions. Every answer cites the exact paragraph.',
    placeholder: 'Type your question',
    send: 'Send',
    open: 'Open chat',
    close: 'Close chat',
    closeCard: 'Close source',
    clear: 'New conversation',
    you: 'You',
    assistant: 'Verbatim',
    thinking: 'Searching the resolutions…',
    answerReady: 'Answer ready.',
    source: 'Source',
    footnotes: 'Footnotes',
    official: 'Official document',
    loadingUnit: 'Loading the paragraph…',
    unitFailed: 'The paragraph could not be loaded.',
    copy: 'Copy answer with citations',
    copied: 'Copied',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    commentLabel: 'What could be better? (optional)',
    sendFeedback: 'Send feedback',
    thanks: 'Thank you for your feedback.',
    errorForbidden: 'This website is not allowed to use this assistant.',
    errorBusy: 'Too many questions right now. Please wait a minute and try again.',
    errorUnavailable: 'The assistant is not available right now. Please try again in a moment.',
    errorNetwork: 'The assistant could not be reached. Please try again.',
    errorGeneric: 'Something went wrong. Please try again.',
    quoted: 'Quoted words are highlighted.',
  },
  fr: {
    title: 'Questions sur les résolutions de l’ONU',
    greeting: 'Posez une question sur les résolutions. Chaque réponse cite le paragraphe exact.',
    placeholder: 'Écrivez votre question',
    send: 'Envoyer',
    open: 'Ouvrir la conversation',
    close: 'Fermer la conversation',
    closeCard: 'Fermer la source',
    clear: 'Nouvelle conversation',
    you: 'Vous',
    assistant: 'Verbatim',
    thinking: 'Recherche dans les résolutions…',
    answerReady: 'Réponse prête.',
    source: 'Source',
    footnotes: 'Notes de bas de page',
    official: 'Document officiel',
    loadingUnit: 'Chargement du paragraphe…',
    unitFailed: 'Le paragraphe n’a pas pu être chargé.',
    copy: 'Copier la réponse avec les citations',
    copied: 'Copié',
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    commentLabel: 'Que pourrions-nous améliorer ? (facultatif)',
    sendFeedback: 'Envoyer l’avis',
    thanks: 'Merci pour votre avis.',
    errorForbidden: 'Ce site n’est pas autorisé à utiliser cet assistant.',
    errorBusy: 'Trop de questions en ce moment. Veuillez réessayer dans une minute.',
    errorUnavailable: 'L’assistant n’est pas disponible pour le moment. Veuillez réessayer dans un instant.',
    errorNetwork: 'L’assistant est injoignable. Veuillez réessayer.',
    errorGeneric: 'Une erreur est survenue. Veuillez réessayer.',
    quoted: 'Les mots cités sont surlignés.',
  },
};

function stringsFor(language) {
  var base = String(language || 'en').toLowerCase().split('-')[0];
  return STRINGS[base] || STRINGS.en;
}

