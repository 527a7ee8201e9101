using System.Reflection;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Runs an options type's own check at load time. Apps validate their options with a public parameterless
/// <c>Validate()</c> that throws <see cref="ArgumentException"/> when they cannot work, and run it when they start;
/// calling the same method here makes <c>check-config</c> refuse exactly what run time would, with the file and line
/// of the section, instead of the app failing later with the first problem only.
/// </summary>
internal sealed partial class OptionsBinder
{
    private const string ValidateMethodName = "Validate";

    /// <summary>
    /// Runs the check of <paramref name="instance"/>, bound from <paramref name="mapping"/>; a problem already reported
    /// since <paramref name="errorsBefore"/> is not repeated (a parent's check repeats its children's).
    /// </summary>
    private void RunOwnValidation(object instance, ConfigMapping mapping, string path, int errorsBefore)
    {
        var validate = instance.GetType().GetMethod(ValidateMethodName, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (validate is null || validate.ReturnType != typeof(void))
        {
            return;
        }

        try
        {
            validate.Invoke(instance, null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException or InvalidOperationException
            or FormatException or NullReferenceException or KeyNotFoundException)
        {
            // NullReferenceException: an app's check that meets a list written as `key:` with nothing under it.
            var problem = ex.InnerException is NullReferenceException
                ? "a value this section needs is empty"
                : ex.InnerException!.Message.TrimEnd('.', ' ');
            for (var i = errorsBefore; i < _errors.Count; i++)
            {
                if (string.Equals(_errors[i].Problem, problem, StringComparison.Ordinal))
                {
                    return;
                }
            }

            _errors.Add(new ConfigError(mapping.Location, path, problem, "Fix the value it names in this section"));
        }
    }
}
