"""Validate ../questions.json against the clinic documents and the short article sentences."""
import json, os, sys, collections, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sentences import BASE, DOCS, split_doc
from build_questions import article_sentences, ARTICLE_DOC

def main():
    data = json.load(open(os.path.join(BASE, 'questions.json'), encoding='utf-8'))
    assert set(data) == {'questions'}
    qs = data['questions']
    texts = {n: open(os.path.join(DOCS, n), encoding='utf-8').read() for n in os.listdir(DOCS)}
    texts[ARTICLE_DOC] = '\n'.join(s for _, s in article_sentences().values())
    errors = []
    # document sentence checks: length and abbreviations with periods
    for n in os.listdir(DOCS):
        for s in split_doc(n):
            if len(s) >= 400:
                errors.append(f'{n}: sentence over 400 chars: {s[:60]}')
            if re.search(r'\b(e\.g|i\.e|etc|Dr|Mr|Mrs|vs|St|approx)\.', s):
                errors.append(f'{n}: abbreviation in sentence: {s[:60]}')
    seen = set()
    per_doc = collections.Counter(); per_expect = collections.Counter(); multi = 0; with_sides = 0
    for i, q in enumerate(qs):
        key = re.sub(r'\W+', ' ', q['question'].lower()).strip()
        if key in seen:
            errors.append(f'duplicate question: {q["question"]}')
        seen.add(key)
        per_expect[q['expect']] += 1
        if q['expect'] == 'answered':
            if not q.get('gold') or not q.get('documents'):
                errors.append(f'{i}: missing gold/documents'); continue
            if len(set(q['gold'])) != len(q['gold']):
                errors.append(f'{i}: duplicate gold')
            for g in q['gold']:
                if len(g) > 400:
                    errors.append(f'{i}: gold over 400 chars')
                if not any(g in texts[d] for d in q['documents']):
                    errors.append(f'{i}: gold not in named documents: {g[:60]}')
            for d in q['documents']:
                if not any(g in texts[d] for g in q['gold']):
                    errors.append(f'{i}: document {d} has no gold sentence')
                per_doc[d] += 1
            if len(q['documents']) > 1:
                multi += 1
            if 'sides' in q:
                with_sides += 1
                if len(q['sides']) != 2 or not all(q['sides']):
                    errors.append(f'{i}: sides must be two non-empty lists')
                for side in q['sides']:
                    for s in side:
                        if s not in q['gold']:
                            errors.append(f'{i}: side sentence not in gold: {s[:60]}')
        elif q['expect'] == 'not_found':
            if 'gold' in q or 'documents' in q:
                errors.append(f'{i}: not_found with gold')
        else:
            errors.append(f'{i}: bad expect {q["expect"]}')
    print('questions:', len(qs))
    print('per expect:', dict(per_expect))
    print('answered questions per document (a question counts for each document it names):')
    for d, c in sorted(per_doc.items()):
        print(f'  {d}: {c}')
    print('multi-document answered:', multi, ' with sides:', with_sides)
    if errors:
        print('ERRORS:'); [print(' ', e) for e in errors]; sys.exit(1)
    print('OK')

if __name__ == '__main__':
    main()
