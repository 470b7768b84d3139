#!/usr/bin/env python3
"""Builds the IO test fixtures of org.ortho4j.core.io (run from this directory; numpy >= 2).

    python3 make_fixtures.py

Writes, next to this script:
  npy/*.npy             arrays saved by numpy itself (np.save, or format.write_array for the 2.0 file)
  npy/expected.json     for every .npy: descr, shape, fortran_order and the elements in C order as
                        raw bit patterns (floats: the IEEE bits of the stored width; ints: the value),
                        so the Java tests compare bit for bit without re-deriving any formula
  half/f16_in.npy       float32 inputs and half/f16_out.npy the binary16 bits numpy's astype(float16)
                        (round to nearest even) gives for them
  st/tensors.safetensors and st/expected.json: a safetensors file built byte by byte with struct+json
                        following the reference writer's layout (tensors sorted by dtype rank descending,
                        then name; compact JSON; header padded with spaces to a multiple of 8)
  csv/savetxt.csv       np.savetxt output (with a '# ' header line) of the 3x4 f8 fixture

The values are deterministic (arange based); nothing depends on a random seed or on the platform
(all dtypes are given with an explicit byte order).
"""
import json
import os
import struct

import numpy as np
from numpy.lib import format as npformat

HERE = os.path.dirname(os.path.abspath(__file__))


def out(*parts):
    path = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def bits_of(a):
    """Elements of a in C order as python ints: IEEE bits for floats, values for ints/bools."""
    a = np.ascontiguousarray(a)
    kind, size = a.dtype.kind, a.dtype.itemsize
    native = a.astype(a.dtype.newbyteorder('='), copy=False)
    if kind == 'f':
        return [int(v) for v in native.view({2: np.uint16, 4: np.uint32, 8: np.uint64}[size]).ravel()]
    return [int(v) for v in native.ravel()]


# ---------------------------------------------------------------------------------------- npy
base = (np.arange(12, dtype=np.float64) - 5.5) / 7.0           # full 52-bit mantissas
f8_3x4 = base.reshape(3, 4)
f4_3x4 = ((np.arange(12, dtype=np.float32) - np.float32(5.5)) / np.float32(7)).reshape(3, 4)
i4_3x4 = ((np.arange(12, dtype=np.int32) - 6) * 123457).reshape(3, 4)
i8_3x4 = ((np.arange(12, dtype=np.int64) - 6) * 2**40 + 3).reshape(3, 4)
half_bits = np.array([0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x0400, 0x3C00, 0xC000, 0x3555,
                      0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7E00, 0x7D01], dtype='<u2')

arrays = {
    'f8_3x4': f8_3x4,
    'f8_3x4_fortran': np.asfortranarray(f8_3x4),
    'f8_3x4_big': f8_3x4.astype('>f8'),
    'f8_5': (np.arange(5, dtype=np.float64) - 2) / 3,
    'f8_0x3': np.zeros((0, 3)),
    'f8_scalar': np.array(np.pi),
    'f8_special': np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 5e-324, 1.7976931348623157e308]),
    'f8_pad64': np.zeros((0, 10**6, 10**5) + (1,) * 8),   # header needs a full 64-byte pad
    # Growth-axis probes: numpy reserves 21 - digits(axis) spaces for the first axis (C order) or
    # the last (Fortran order). Usually the alignment pad absorbs a wrong choice; these shapes sit
    # exactly on a 64-byte boundary, so choosing the other axis would change the file length.
    'f4_growth_c': (np.arange(20, dtype=np.float32) / 9).reshape((2,) + (1,) * 55 + (10,)),
    'f4_growth_fortran': np.asfortranarray((np.arange(20, dtype=np.float32) / 9).reshape((10,) + (1,) * 34 + (2,))),
    'f8_10x2': (np.arange(20, dtype=np.float64) / 9).reshape(10, 2),  # C, tall
    'f4_3x4': f4_3x4,
    'f4_2x10_fortran': np.asfortranarray((np.arange(20, dtype=np.float32) / 9).reshape(2, 10)),  # Fortran, wide
    'f4_3x4_fortran': np.asfortranarray(f4_3x4),
    'f4_5': ((np.arange(5, dtype=np.float32) - 2) / np.float32(3)),
    'f4_0x3': np.zeros((0, 3), dtype='<f4'),
    'f4_2x3x4': (np.arange(24, dtype=np.float32) / np.float32(3)).reshape(2, 3, 4),
    'f4_2x3x4_fortran': np.asfortranarray((np.arange(24, dtype=np.float32) / np.float32(3)).reshape(2, 3, 4)),
    'i4_3x4': i4_3x4,
    'i4_5': np.array([-2147483648, -1, 0, 1, 2147483647], dtype='<i4'),
    'i4_5_big': np.array([-2147483648, -1, 0, 1, 2147483647], dtype='>i4'),
    'i8_3x4': i8_3x4,
    'i8_5': np.array([-2**63, -1, 0, 2**53, 2**63 - 1], dtype='<i8'),
    'i8_exact': np.array([-2**53, 2**53, 12345], dtype='<i8'),
    'f2_special': half_bits.view('<f2'),
    'i1_4': np.array([-128, -1, 0, 127], dtype='i1'),
    'u1_4': np.array([0, 1, 128, 255], dtype='u1'),
    'b1_4': np.array([True, False, False, True]),
    'i2_4': np.array([-32768, -1, 0, 32767], dtype='<i2'),
    'u2_4': np.array([0, 1, 32768, 65535], dtype='<u2'),
    'u4_4': np.array([0, 1, 2**31, 2**32 - 1], dtype='<u4'),
}

expected = {}
for name, a in arrays.items():
    np.save(out('npy', name + '.npy'), a)
    descr = npformat.dtype_to_descr(a.dtype)
    fortran = bool(a.flags.f_contiguous and not a.flags.c_contiguous)
    expected[name + '.npy'] = {'descr': descr, 'shape': list(a.shape), 'fortran_order': fortran,
                               'bits': bits_of(a)}
    if a.dtype.kind == 'f' and a.dtype.itemsize == 2:   # numpy's own widening, to check ours against
        expected[name + '.npy']['f32_bits'] = bits_of(a.astype('<f4'))

with open(out('npy', 'f8_pad64.npy'), 'rb') as fh:
    head = fh.read(192)
    assert head[8] + 256 * head[9] == 182 and head.endswith(b' ' * 64 + b'\n'), 'pad64 fixture lost its 64-byte pad'

# A version 2.0 file (numpy writes 2.0 by itself only for headers over 65535 bytes).
with open(out('npy', 'f8_3x4_v2.npy'), 'wb') as fh:
    npformat.write_array(fh, f8_3x4, version=(2, 0))
expected['f8_3x4_v2.npy'] = dict(expected['f8_3x4.npy'])

with open(out('npy', 'expected.json'), 'w') as fh:
    json.dump(expected, fh, sort_keys=True, separators=(',', ':'))
    fh.write('\n')

# --------------------------------------------------------------------------------- float16 ref
# Float32 inputs around every interesting float16 boundary: exact halves, midpoints (ties), one
# float32 ulp either side of a midpoint, subnormal range, overflow threshold 65520, inf, nan.
def f32(bits):
    return np.array([bits], dtype=np.uint32).view(np.float32)[0]


inputs = []
for hb in [0x0000, 0x0001, 0x0002, 0x0003, 0x01FF, 0x03FE, 0x03FF, 0x0400, 0x0401, 0x07FF,
           0x3BFF, 0x3C00, 0x3C01, 0x3C02, 0x4000, 0x5555, 0x7BFE, 0x7BFF]:
    lo = np.array([hb], dtype=np.uint16).view(np.float16).astype(np.float32)[0]
    hi = np.array([hb + 1], dtype=np.uint16).view(np.float16).astype(np.float32)[0]
    mid = np.float32((np.float64(lo) + np.float64(hi)) / 2)  # exact: 11-bit significands
    mbits = int(np.array([mid]).view(np.uint32)[0])
    for v in (lo, mid, f32(mbits - 1), f32(mbits + 1), hi):
        inputs += [v, -v]
inputs += [np.float32(x) for x in (65519.996, 65520.0, 65536.0, 1e6, 3.4028235e38, 1e-10, 2.0**-25,
                                   2.0**-25 * 1.0000001, 2.0**-26, np.inf, -np.inf, 1 / 3, 0.1, 2.0**-24 * 1.5,
                                   2.0**-24 * 2.5)]
inputs = np.array(inputs, dtype='<f4')
np.save(out('half', 'f16_in.npy'), inputs)
with np.errstate(over='ignore'):   # the overflow to +-inf is part of what is tested
    np.save(out('half', 'f16_out.npy'), inputs.astype('<f2').view('<u2'))

# ---------------------------------------------------------------------------------- safetensors
# dtype ranks as in the reference implementation's Dtype enum (writer sorts by rank descending)
RANK = ['BOOL', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32',
        'F64', 'I64', 'U64']
bf16_bits = np.array([0x3F80, 0xC020, 0x0001, 0x8001, 0x007F, 0x0080, 0x7F7F, 0xFF7F, 0x7F80, 0xFF80,
                      0x7FC0, 0x3EAB], dtype='<u2')
tensors = {
    'weight': ('F32', f4_3x4.astype('<f4')),
    'bias': ('F16', half_bits),
    'embed': ('BF16', bf16_bits.reshape(3, 4)),
    'double': ('F64', (np.arange(4, dtype='<f8') / 3).reshape(2, 2)),
    'long': ('I64', np.array([-1, 2**40, 2**62], dtype='<i8')),
    'int': ('I32', np.array([[-7, 0, 7], [2**31 - 1, -2**31, 1]], dtype='<i4')),
    'empty': ('F32', np.zeros((0, 3), dtype='<f4')),
    'scalar': ('F32', np.array(2.5, dtype='<f4')),
}
order = sorted(tensors, key=lambda n: (-RANK.index(tensors[n][0]), n))
header = {'__metadata__': {'format': 'pt', 'source': 'ortho4j make_fixtures.py'}}
blobs, offset = [], 0
for name in order:
    dtype, arr = tensors[name]
    raw = arr.tobytes(order='C')
    header[name] = {'dtype': dtype, 'shape': list(arr.shape), 'data_offsets': [offset, offset + len(raw)]}
    offset += len(raw)
    blobs.append(raw)
hjson = json.dumps(header, separators=(',', ':')).encode('utf-8')
hjson += b' ' * ((8 - len(hjson) % 8) % 8)
with open(out('st', 'tensors.safetensors'), 'wb') as fh:
    fh.write(struct.pack('<Q', len(hjson)))
    fh.write(hjson)
    for raw in blobs:
        fh.write(raw)
st_expected = {name: {'dtype': tensors[name][0], 'shape': list(tensors[name][1].shape),
                      'bits': [int(v) for v in np.ascontiguousarray(tensors[name][1]).view(
                          {'F32': np.uint32, 'F64': np.uint64, 'F16': np.uint16, 'BF16': np.uint16,
                           'I64': np.int64, 'I32': np.int32}[tensors[name][0]]).ravel()]}
               for name in order}
for name in order:   # the float32 values the 16-bit tensors widen to: numpy's for F16, bits << 16 for BF16
    dtype, arr = tensors[name]
    if dtype == 'F16':
        st_expected[name]['f32_bits'] = bits_of(arr.view('<f2').astype('<f4'))
    elif dtype == 'BF16':
        st_expected[name]['f32_bits'] = [int(v) << 16 for v in arr.ravel()]
with open(out('st', 'expected.json'), 'w') as fh:
    json.dump({'order': order, 'metadata': header['__metadata__'], 'tensors': st_expected}, fh,
              sort_keys=True, separators=(',', ':'))
    fh.write('\n')

# ------------------------------------------------------------------------------------------ csv
np.savetxt(out('csv', 'savetxt.csv'), f8_3x4, delimiter=',', header='a,b,c,d', fmt='%.17g')
