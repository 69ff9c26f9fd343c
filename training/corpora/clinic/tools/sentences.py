"""Split the clinic documents into sentences (simple splitter used to assign ids and check gold)."""
import re, os
BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DOCS = os.path.join(BASE, 'documents')
PREFIX = {'medications-for-opioid-use-disorder.md': 'M',
          'benzodiazepines-and-alcohol-with-opioids.md': 'B',
          'nutrition-and-sleep-in-recovery.txt': 'N',
          'family-guide.md': 'F'}
SPLIT = re.compile(r'(?<=[.!?])["”]?\s+(?=[A-Z0-9"“])')

def split_doc(name):
    text = open(os.path.join(DOCS, name), encoding='utf-8').read()
    out = []
    for i, line in enumerate(text.split('\n')):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if name.endswith('.txt') and (i == 0 or not re.search(r'[.!?]$', line)):
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
