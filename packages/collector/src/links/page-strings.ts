// The hosted page's own sentences (the prompt brings its own), one table per language, in
// the widget's five languages.
import type { LinkVerdict } from './signature.js';

/** The page's title and the reason a link cannot be answered, by verdict. */
export type PageStrings = Record<Exclude<LinkVerdict, 'ok'> | 'unknown' | 'unavailable', string> & {
  title: string;
  noscript: string;
};

export const PAGE_STRINGS: Record<'en' | 'ar' | 'de' | 'es' | 'fr', PageStrings> = {
  en: {
    title: 'Your feedback',
    unsigned: 'This survey link is incomplete. Please open the link exactly as you received it.',
    tampered:
      'This survey link is not valid: it was changed after it was sent. Please open the link exactly as you received it.',
    expired: 'This survey link has expired. Thank you all the same.',
    unknown: 'This survey no longer exists. Thank you all the same.',
    unavailable: 'The survey cannot be shown right now. Please try again later.',
    noscript: 'Please turn on JavaScript to answer this survey. Nothing was recorded.',
  },
  ar: {
    title: 'رأيك',
    unsigned: 'رابط الاستطلاع هذا غير مكتمل. يُرجى فتح الرابط كما وصلك تمامًا.',
    tampered: 'رابط الاستطلاع هذا غير صالح: تم تغييره بعد إرساله. يُرجى فتح الرابط كما وصلك تمامًا.',
    expired: 'انتهت صلاحية رابط الاستطلاع هذا. شكرًا لك على أي حال.',
    unknown: 'هذا الاستطلاع لم يعد موجودًا. شكرًا لك على أي حال.',
    unavailable: 'لا يمكن عرض الاستطلاع الآن. يُرجى المحاولة لاحقًا.',
    noscript: 'يُرجى تفعيل JavaScript للإجابة عن هذا الاستطلاع. لم يُسجَّل أي شيء.',
  },
  de: {
    title: 'Ihre Meinung',
    unsigned:
      'Dieser Umfragelink ist unvollständig. Bitte öffnen Sie den Link genau so, wie Sie ihn erhalten haben.',
    tampered:
      'Dieser Umfragelink ist ungültig: Er wurde nach dem Versand verändert. Bitte öffnen Sie den Link genau so, wie Sie ihn erhalten haben.',
    expired: 'Dieser Umfragelink ist abgelaufen. Trotzdem vielen Dank.',
    unknown: 'Diese Umfrage gibt es nicht mehr. Trotzdem vielen Dank.',
    unavailable: 'Die Umfrage kann gerade nicht angezeigt werden. Bitte versuchen Sie es später erneut.',
    noscript:
      'Bitte aktivieren Sie JavaScript, um diese Umfrage zu beantworten. Es wurde nichts gespeichert.',
  },
  es: {
    title: 'Tu opinión',
    unsigned: 'Este enlace de encuesta está incompleto. Abre el enlace exactamente como lo recibiste.',
    tampered:
      'Este enlace de encuesta no es válido: se modificó después de enviarse. Abre el enlace exactamente como lo recibiste.',
    expired: 'Este enlace de encuesta ha caducado. Gracias de todos modos.',
    unknown: 'Esta encuesta ya no existe. Gracias de todos modos.',
    unavailable: 'La encuesta no se puede mostrar ahora. Inténtalo de nuevo más tarde.',
    noscript: 'Activa JavaScript para responder a esta encuesta. No se ha registrado nada.',
  },
  fr: {
    title: 'Votre avis',
    unsigned: 'Ce lien de sondage est incomplet. Ouvrez le lien exactement tel que vous l’avez reçu.',
    tampered:
      'Ce lien de sondage n’est pas valide : il a été modifié après son envoi. Ouvrez le lien exactement tel que vous l’avez reçu.',
    expired: 'Ce lien de sondage a expiré. Merci tout de même.',
    unknown: 'Ce sondage n’existe plus. Merci tout de même.',
    unavailable: 'Le sondage ne peut pas être affiché pour le moment. Réessayez plus tard.',
    noscript: 'Activez JavaScript pour répondre à ce sondage. Rien n’a été enregistré.',
  },
};

export type PageLang = keyof typeof PAGE_STRINGS;

/** The first language of `Accept-Language` the page speaks, else English. Pure. */
export function pickLang(acceptLanguage: string | undefined): PageLang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = Number(/q=([\d.]+)/.exec(rest.join(';'))?.[1] ?? 1);
      return { lang: tag.toLowerCase().split('-')[0] as string, q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((entry) => Object.hasOwn(PAGE_STRINGS, entry.lang));
  return (found?.lang as PageLang | undefined) ?? 'en';
}
