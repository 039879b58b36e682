import type { CleanRule } from '../rule';

/** Spanish news templates: El País, El Mundo. */
export const ES_SITES: CleanRule[] = [
  {
    id: 'site:elpais.com/headline',
    why: 'El País names headline and author with short codes: h1.a_t and .a_md_a, which no generic guess reads.',
    sites: ['elpais.com'],
    title: 'h1.a_t',
    byline: '.a_md_a',
  },
  {
    id: 'site:elpais.com/article-boxes',
    why: 'El País closes the body with "Archivado En" tags (.a_k), the author box "Sobre la firma" (.a_aut) and "Más información" (.a_ei); its meta box carries a place-and-date line (.a_md_f).',
    sites: ['elpais.com'],
    stage: 'both',
    remove: ['.a_k', '.a_aut', '.a_ei', '.a_md_f', '#ctn_freemium_article'],
  },
  {
    id: 'site:elmundo.es/headline',
    why: 'El Mundo (Unidad Editorial ue- template) puts name, city and social links in one byline box: the name is ue-c-article__byline-name.',
    sites: ['elmundo.es'],
    title: 'h1.ue-c-article__headline',
    byline: '.ue-c-article__byline-name',
  },
  {
    id: 'site:elmundo.es/article-boxes',
    why: 'El Mundo adds its premium label, the tag list and the byline’s social links around the body.',
    sites: ['elmundo.es'],
    stage: 'both',
    remove: ['.ue-c-article__premium', '.ue-c-article__tags', '.ue-c-article__byline-socialmedia'],
  },
];
