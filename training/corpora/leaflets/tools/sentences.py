"""Split the leaflet documents into sentences (simple splitter used to build and check gold)."""
import re, os, sys
BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DOCS = os.path.join(BASE, 'documents')
PREFIX = {'kratom-encyclopedia.md': 'E', 'opioid-withdrawal-handout.md': 'H',
          'harm-reduction-faq.md': 'F', 'hair-loss-and-recovery.txt': 'X'}
SPLIT = re.compile(r'(?<=[.!?])["”]?\s+(?=[A-Z0-9"“])')

def split_doc(name):
    text = open(os.path.join(DOCS, name), encoding='utf-8').read()
    out = []
    lines = text.split('\n')
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if line.startswith('#'):
            continue
        if name.endswith('.txt') and not re.search(r'[.!?]$', line):
            continue  # title / heading line
        if line.startswith('- '):
            line = line[2:]
        for s in SPLIT.split(line):
            s = s.strip()
            if s:
                out.append(s)
    return out

def all_sentences():
    res = {}
    for name, p in PREFIX.items():
        for i, s in enumerate(split_doc(name), 1):
            res[f'{p}{i:03d}'] = (name, s)
    return res

if __name__ == '__main__':
    for k, (n, s) in all_sentences().items():
        print(k, s)
