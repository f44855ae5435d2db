import json,sys,collections,math
bench,ans,dump=sys.argv[1:4]
items={}
for l in open(bench+'/items.jsonl'):
    j=json.loads(l); items[j['id']]=j
A=[json.loads(l) for l in open(ans)]
D=[json.loads(l) for l in open(dump)]
A=[a for a in A if items[a['id']]['kind']=='mcq']
assert len(A)==len(D),(len(A),len(D))
rules={
 'sum':lambda d,i:d['sum'][i],
 'mean':lambda d,i:d['sum'][i]/d['tokens'][i],
 'pmiQ':lambda d,i:d['sum'][i]-d['nullOptions'][i],
 'pmiG':lambda d,i:d['sum'][i]-d['nullGeneric'][i],
 'halfpmiQ':lambda d,i:d['sum'][i]-0.5*d['nullOptions'][i],
 'halfpmiG':lambda d,i:d['sum'][i]-0.5*d['nullGeneric'][i],
 'pmiQ+mean':lambda d,i:(d['sum'][i]-d['nullOptions'][i])/d['tokens'][i],
}
acc=collections.defaultdict(lambda:collections.Counter())
for a,d in zip(A,D):
    assert set(d['options'])==set(items[a['id']]['options'])
    right=ord(items[a['id']]['answer'])-65
    for name,f in rules.items():
        s=[f(d,i) for i in range(4)]
        best=max(range(4),key=lambda i:s[i])
        acc[name][a['family']]+= (best==right)
        acc[name]['ALL']+=(best==right)
n=collections.Counter(a['family'] for a in A); n['ALL']=len(A)
fams=sorted(n)
print('%-20s'%'family'+''.join('%10s'%r for r in rules))
for f in fams:
    print('%-20s'%f+''.join('%10.1f'%(100*acc[r][f]/n[f]) for r in rules))
