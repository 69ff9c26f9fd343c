"""Build ../questions.json from questions_src.py (gold as sentence ids -> exact sentence text)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sentences import all_sentences, BASE
import questions_src as Q

ARTICLE_DOC = 'kratom-opioid-withdrawal.txt'
ARTICLE_TSV = os.path.join(BASE, '..', '..', 'article-sentences.tsv')

def article_sentences():
    res = {}
    for line in open(ARTICLE_TSV, encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) >= 4:
            res[parts[0]] = (ARTICLE_DOC, parts[3])
    return res

def main():
    sents = all_sentences()
    sents.update(article_sentences())
    order = ['kratom-encyclopedia.md', 'opioid-withdrawal-handout.md', 'harm-reduction-faq.md',
             'hair-loss-and-recovery.txt', ARTICLE_DOC]
    out = []
    for q, gold, sides in Q.ANSWERED:
        seen = []
        for g in gold:
            if g not in seen:
                seen.append(g)
        docs = []
        for g in seen:
            d = sents[g][0]
            if d not in docs:
                docs.append(d)
        docs.sort(key=order.index)
        item = {'question': q, 'expect': 'answered', 'gold': [sents[g][1] for g in seen], 'documents': docs}
        if sides:
            item['sides'] = [[sents[g][1] for g in side] for side in sides]
        out.append(item)
    for q in Q.NOT_FOUND:
        out.append({'question': q, 'expect': 'not_found'})
    path = os.path.join(BASE, 'questions.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'questions': out}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print('wrote', os.path.normpath(path), len(out))

if __name__ == '__main__':
    main()
