import type { Strings } from './en.js';

// Modern Standard Arabic; the prompt renders right-to-left for this table (locale.ts).
export const ar: Partial<Strings> = {
  close: 'إغلاق',
  announce: 'استطلاع جديد: {question}',
  nps0: 'غير محتمل إطلاقًا',
  nps10: 'محتمل للغاية',
  csat1: 'غير راضٍ جدًا',
  csat2: 'غير راضٍ',
  csat3: 'محايد',
  csat4: 'راضٍ',
  csat5: 'راضٍ جدًا',
  ces1: 'صعب جدًا',
  ces2: 'صعب',
  ces3: 'صعب نوعًا ما',
  ces4: 'محايد',
  ces5: 'سهل نوعًا ما',
  ces6: 'سهل',
  ces7: 'سهل جدًا',
  followUp: 'ما السبب الرئيسي لتقييمك؟',
  chosen: 'تقييمك: {score}',
  change: 'تغيير',
  send: 'إرسال',
  thanks: 'شكرًا لملاحظاتك!',
};
