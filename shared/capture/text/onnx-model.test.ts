import { describe, expect, it } from 'vitest';
import { sessionModel, type OrtSessionLike, type OrtTensorLike } from './onnx-model';

function fakeTensor(data: Float32Array, dims: number[], disposed: string[], name: string): OrtTensorLike {
  return { data, dims, dispose: () => { disposed.push(name); } };
}

describe('sessionModel (an ONNX Runtime session as an OnnxModel)', () => {
  it('feeds the first input, copies the first output out and disposes both tensors', async () => {
    const disposed: string[] = [];
    const seen: string[] = [];
    const session: OrtSessionLike = {
      inputNames: ['x'], outputNames: ['y'],
      run: (feeds) => {
        seen.push(...Object.keys(feeds));
        const input = feeds['x']?.data as Float32Array;
        return Promise.resolve({ y: fakeTensor(input.map((v) => v * 2), [1, 2], disposed, 'out') });
      },
      release: () => Promise.resolve(),
    };
    const model = sessionModel(session, (data, dims) => fakeTensor(data, dims, disposed, 'in'));
    const out = await model.run({ data: new Float32Array([1, 2]), dims: [1, 2] });
    expect(seen).toEqual(['x']);
    expect([...out.data]).toEqual([2, 4]);
    expect(out.dims).toEqual([1, 2]);
    expect(disposed).toEqual(['in', 'out']);
  });

  it('fails clearly when the model gives no output', async () => {
    const session: OrtSessionLike = { inputNames: ['x'], outputNames: ['y'], run: () => Promise.resolve({}), release: () => Promise.resolve() };
    const model = sessionModel(session, (data, dims) => ({ data, dims, dispose: () => undefined }));
    await expect(model.run({ data: new Float32Array(1), dims: [1] })).rejects.toThrow('no output');
  });
});
