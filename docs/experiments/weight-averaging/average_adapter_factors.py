# Decision 0016's prototype: the LoRA tensors (A and B separately, not B A) of several Stage 3 checkpoints of one run
# averaged into a copy of the last (its projector kept). `notmono average` merges the adapters first and averages the
# projector too; this is what the first three rows of the decision's table measured.
# usage: average_adapter_factors.py OUT CHECKPOINT...
import json, struct, sys, shutil, os
import numpy as np
def read(p):
    b=open(p,'rb').read(); n=struct.unpack('<Q',b[:8])[0]; h=json.loads(b[8:8+n]); base=8+n
    out={}
    for k,v in h.items():
        if k=='__metadata__': continue
        s,e=v['data_offsets']; assert v['dtype']=='F32', v['dtype']
        out[k]=np.frombuffer(b[base+s:base+e],dtype='<f4').reshape(v['shape'])
    return h,out
def write(p,h,t):
    hdr={}; off=0; blobs=[]
    if '__metadata__' in h: hdr['__metadata__']=h['__metadata__']
    for k in [k for k in h if k!='__metadata__']:
        a=np.ascontiguousarray(t[k],dtype='<f4'); blobs.append(a.tobytes())
        hdr[k]={'dtype':'F32','shape':list(a.shape),'data_offsets':[off,off+len(blobs[-1])]}; off+=len(blobs[-1])
    hb=json.dumps(hdr).encode(); hb+=b' '*((8-len(hb)%8)%8)
    with open(p,'wb') as f: f.write(struct.pack('<Q',len(hb))); f.write(hb); [f.write(x) for x in blobs]
out=sys.argv[1]; srcs=sys.argv[2:]
shutil.rmtree(out,ignore_errors=True); shutil.copytree(srcs[-1],out)
os.remove(os.path.join(out,'optimizer.ndlist'))
hs=[read(os.path.join(s,'lora.safetensors')) for s in srcs]
h=hs[-1][0]; mean={k:sum(x[1][k] for x in hs)/len(hs) for k in hs[-1][1]}
for k in mean:  # how far the last checkpoint's first layer is from the mean, relative to the mean
    if 'layers.0.self_attn.q_proj' in k:
        print(k, float(np.abs(hs[-1][1][k] - mean[k]).mean() / (np.abs(mean[k]).mean() + 1e-12)))
write(os.path.join(out,'lora.safetensors'),h,mean)
