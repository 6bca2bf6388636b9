#!/bin/bash
# GPU execution check: the knowledge coder's cactus CNN draft on the GPU vs the CPU, and CUDA inside the
# process sandbox's bubblewrap view (the executor's GPU binds), as root dropping to an unprivileged uid.
REPO=$(pwd); D=$REPO/.devcheck
PARTS=${PARTS:-gpu,cpu,sandbox}  # which checks: gpu (the CNN draft on the GPU), cpu (on 16 cores), sandbox
export PYTHONUNBUFFERED=1
exec > >(tee $OUT/check.log) 2>&1
echo "== machine"; nvidia-smi --query-gpu=index,name,driver_version --format=csv,noheader; nproc; command -v python3
python3 -c "import torch,sklearn;print('torch',torch.__version__,'cuda',torch.cuda.is_available(),'sklearn',sklearn.__version__)"
ls -la /dev/nvidia* 2>&1; echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"; ldconfig -p | grep -c libcuda.so
mkdir -p /tmp/cactus && tar -C /tmp/cactus -xf $D/input.tar
run() { # name gpus cpus limit
  local w=/tmp/run-$1; mkdir -p $w/output; cp $D/solution.py $w/; cd $w
  local s=$(date +%s.%N)
  env -i PATH=$PATH LD_LIBRARY_PATH=$LD_LIBRARY_PATH HOME=/tmp AUTOMLGEN_INPUT=/tmp/cactus/input AUTOMLGEN_OUTPUT=$w/output \
    AUTOMLGEN_SEED=0 AUTOMLGEN_CPUS=$3 AUTOMLGEN_GPUS=$2 CUDA_VISIBLE_DEVICES=$([ $2 -gt 0 ] && echo 0) \
    AUTOMLGEN_TIME_LIMIT=$4 PYTHONUNBUFFERED=1 timeout $(( $4 - 20 )) python3 solution.py > $OUT/$1.log 2>&1
  echo "$1: rc=$? seconds=$(python3 -c "import time;print(round(time.time()-$s,1))")"
  grep -E "epoch|training on|Error|error" $OUT/$1.log | tail -12
  python3 -c "
import pandas as pd; from sklearn.metrics import roc_auc_score
p=pd.read_csv('$w/output/valid_predictions.csv'); t=pd.read_csv('$D/valid_labels.csv')
m=t.merge(p,on='id',suffixes=('_true','_pred')); print('$1 valid rows',len(m),'of',len(t),'AUC',round(roc_auc_score(m['has_cactus_true'],m['has_cactus_pred']),6))" 2>&1 | tail -1
  cd $REPO
}
[[ $PARTS == *gpu* ]] && { echo "== CNN draft on the GPU"; run gpu 1 4 240; }
[[ $PARTS == *cpu* ]] && { echo "== CNN draft on 16 CPU cores"; run cpu 0 16 160; }
[[ $PARTS == *sandbox* ]] || { echo "== done"; exit 0; }
echo "== CUDA inside the process sandbox's bubblewrap view"
mkdir -p /tmp/bw && dpkg -x $D/bubblewrap_*.deb /tmp/bw && BW=/tmp/bw/usr/bin/bwrap; $BW --version
mkdir -p /tmp/sb/work /tmp/sb/etc; echo "sandbox:x:61000:61000::/work:/bin/sh" > /tmp/sb/etc/passwd; echo "sandbox:x:61000:" > /tmp/sb/etc/group
chown 61000:61000 /tmp/sb/work
cat > /tmp/sb/work/probe.py <<'PY'
import os, torch
print("CUDA_VISIBLE_DEVICES", os.environ.get("CUDA_VISIBLE_DEVICES"), "available", torch.cuda.is_available(), "count", torch.cuda.device_count())
if torch.cuda.is_available():
    x = torch.randn(1024, 1024, device="cuda"); print("matmul ok", float((x @ x).sum()) != 0, torch.cuda.get_device_name(0))
PY
chmod 644 /tmp/sb/work/probe.py
ARGS=(--die-with-parent --new-session --hostname sandbox --unshare-net --unshare-pid --unshare-ipc --unshare-uts --unshare-cgroup-try --ro-bind /usr /usr)
for n in bin sbin lib lib32 lib64 libx32; do if [ -L /$n ]; then ARGS+=(--symlink "$(readlink /$n)" /$n); elif [ -d /$n ]; then ARGS+=(--ro-bind /$n /$n); fi; done
ARGS+=(--perms 0755 --dir /etc)
for e in /etc/alternatives /etc/ld.so.cache /etc/ld.so.conf /etc/ld.so.conf.d /etc/localtime /etc/python3 /etc/python3.11 /etc/matplotlibrc /etc/fonts /etc/mime.types; do ARGS+=(--ro-bind-try $e $e); done
ARGS+=(--ro-bind /tmp/sb/etc/passwd /etc/passwd --ro-bind /tmp/sb/etc/group /etc/group --proc /proc --dev /dev --perms 1777 --tmpfs /tmp --bind /tmp/sb/work /work)
GPU=(--dev-bind-try /dev/nvidiactl /dev/nvidiactl --dev-bind-try /dev/nvidia-uvm /dev/nvidia-uvm --dev-bind-try /dev/nvidia-uvm-tools /dev/nvidia-uvm-tools --dev-bind-try /dev/nvidia0 /dev/nvidia0)
PYBIN=$(command -v python3); echo "python: $PYBIN -> $(readlink -f $PYBIN)"
DROP=(setpriv --reuid=61000 --regid=61000 --clear-groups --no-new-privs --bounding-set=-all --inh-caps=-all --)
for variant in "executor env" "executor env + LD_LIBRARY_PATH"; do
  ENVV=(env -i PATH=/usr/bin:/bin HOME=/work CUDA_VISIBLE_DEVICES=0 AUTOMLGEN_GPUS=1)
  [ "$variant" != "executor env" ] && ENVV+=(LD_LIBRARY_PATH=$LD_LIBRARY_PATH)
  echo "-- $variant, GPU binds, /opt bound for this image's python"
  "${ENVV[@]}" $BW "${ARGS[@]}" --ro-bind-try /opt /opt "${GPU[@]}" --chdir /work -- "${DROP[@]}" $PYBIN probe.py 2>&1 | tail -3
done
echo "-- without the GPU binds (control)"
env -i PATH=/usr/bin:/bin HOME=/work CUDA_VISIBLE_DEVICES=0 LD_LIBRARY_PATH=$LD_LIBRARY_PATH $BW "${ARGS[@]}" --ro-bind-try /opt /opt --chdir /work -- "${DROP[@]}" $PYBIN probe.py 2>&1 | tail -3
echo "== done"
