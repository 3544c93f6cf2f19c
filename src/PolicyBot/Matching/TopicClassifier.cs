namespace PolicyBot.Matching;

/// <summary>
/// A multinomial logistic regression over the analysed terms and neighbouring-term pairs of each sentence
/// of a topic: its title, its summary, its guidance and its examples. BM25 says how much of a question a
/// topic's text covers; the classifier
/// learns which words tell close topics apart ("coworker" leans to photos of staff, "employer" to staff
/// saying where they work), which a bag of words weighted by rarity alone cannot.
/// Trained once when the matcher is built (a fixed order, so always the same weights); then read-only
/// and safe to share between threads.
/// </summary>
internal sealed class TopicClassifier
{
    private readonly TermTable _features;
    private readonly int _classes;
    private readonly float[] _bias;

    // The finished weights, feature-major (_weights[feature * _classes + class], features in the table's order), each
    // row kept as 16-bit steps of its own scale: a weight is _weights[i] * _scales[feature], within half a step
    // (1/65,534 of the row's largest weight) of the trained float, in 42 bytes a feature instead of 76.
    private readonly short[] _weights;
    private readonly float[] _scales;

    public TopicClassifier(int classes, IReadOnlyList<(int Class, IReadOnlyList<string> Features)> samples, TopicMatcherSettings settings)
    {
        _classes = classes;
        _bias = new float[classes];
        // Training numbers the features in the order they are first seen; the finished model keeps them as a
        // table of hashes (TermTable), with each feature's row of weights moved to the feature's place in it.
        var numbered = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNumber = new List<string>();
        var encoded = new List<(int Class, int[] Features)>(samples.Count);
        foreach (var (label, features) in samples)
        {
            var ids = new List<int>();
            foreach (var feature in features.Distinct(StringComparer.Ordinal))
            {
                if (!numbered.TryGetValue(feature, out var id))
                {
                    numbered[feature] = id = byNumber.Count;
                    byNumber.Add(feature);
                }
                ids.Add(id);
            }
            if (ids.Count > 0) encoded.Add((label, [.. ids]));
        }
        var trained = new float[numbered.Count * classes];
        Train(encoded, trained, settings);
        _features = new TermTable(byNumber, out var places);
        _weights = new short[trained.Length];
        _scales = new float[places.Length];
        for (var id = 0; id < places.Length; id++)
        {
            _scales[places[id]] = Quantise(trained.AsSpan(id * classes, classes), _weights.AsSpan(places[id] * classes, classes));
        }
    }

    /// <summary>
    /// Writes <paramref name="row"/> as 16-bit steps into <paramref name="steps"/> and returns the step: the row's largest
    /// weight becomes ±32,767 steps, and each weight is the nearest whole number of steps (0 for a row of zeros).
    /// </summary>
    internal static float Quantise(ReadOnlySpan<float> row, Span<short> steps)
    {
        var largest = 0f;
        foreach (var w in row) largest = MathF.Max(largest, MathF.Abs(w));
        var step = largest / short.MaxValue;
        for (var c = 0; c < row.Length; c++) steps[c] = step == 0 ? (short)0 : (short)Math.Clamp(MathF.Round(row[c] / step), -short.MaxValue, short.MaxValue);
        return step;
    }

    /// <summary>The probability of each topic (index order of the training classes) for a question's features.</summary>
    public double[] Probabilities(IEnumerable<string> features)
    {
        var ids = new List<int>();
        foreach (var feature in features)
        {
            var place = _features.IndexOf(feature);
            if (place >= 0 && !ids.Contains(place)) ids.Add(place);
        }
        var scores = new double[_classes];
        var value = ids.Count == 0 ? 0 : 1 / Math.Sqrt(ids.Count);
        for (var c = 0; c < _classes; c++) scores[c] = _bias[c];
        foreach (var feature in ids)
        {
            var row = feature * _classes;
            var scale = _scales[feature];
            for (var c = 0; c < _classes; c++) scores[c] += _weights[row + c] * scale * value;
        }
        Softmax(scores);
        return scores;
    }

    /// <summary>
    /// Stochastic gradient descent with AdaGrad steps and L2 shrinkage over a fixed shuffled order.
    /// Every feature of a sample weighs 1/√n, so a long example does not outvote a short one.
    /// </summary>
    private void Train(List<(int Class, int[] Features)> samples, float[] weights, TopicMatcherSettings settings)
    {
        var order = Enumerable.Range(0, samples.Count).ToArray();
        var random = new Random(20261129);
        var sumSquares = new float[weights.Length];
        var biasSquares = new float[_classes];
        var scores = new double[_classes];
        var rate = settings.ClassifierLearningRate;
        var l2 = settings.ClassifierL2;
        for (var epoch = 0; epoch < settings.ClassifierEpochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (label, features) = samples[index];
                Scores(weights, features, scores);
                Softmax(scores);
                var value = 1f / MathF.Sqrt(features.Length);
                for (var c = 0; c < _classes; c++)
                {
                    var gradient = (float)scores[c] - (c == label ? 1f : 0f);
                    biasSquares[c] += gradient * gradient;
                    _bias[c] -= rate * gradient / MathF.Sqrt(biasSquares[c] + 1e-8f);
                    foreach (var feature in features)
                    {
                        var w = feature * _classes + c;
                        var g = gradient * value + l2 * weights[w];
                        sumSquares[w] += g * g;
                        weights[w] -= rate * g / MathF.Sqrt(sumSquares[w] + 1e-8f);
                    }
                }
            }
        }
    }

    private void Scores(float[] weights, IReadOnlyList<int> features, double[] scores)
    {
        var value = features.Count == 0 ? 0 : 1 / Math.Sqrt(features.Count);
        for (var c = 0; c < _classes; c++) scores[c] = _bias[c];
        foreach (var feature in features)
        {
            var row = feature * _classes;
            for (var c = 0; c < _classes; c++) scores[c] += weights[row + c] * value;
        }
    }

    private static void Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= sum;
    }
}
